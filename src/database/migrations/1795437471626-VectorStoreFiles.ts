import { MigrationInterface, QueryRunner } from 'typeorm';

export class VectorStoreFiles1795437471626 implements MigrationInterface {
  name = 'VectorStoreFiles1795437471626';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "vector_store_files" (
                "vector_store_id" character varying(64) NOT NULL,
                "file_id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "status" character varying(16) NOT NULL,
                "last_error" jsonb,
                "usage_bytes" bigint NOT NULL DEFAULT '0',
                "chunking_strategy" jsonb NOT NULL,
                "attributes" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_686e2d6858389151dc9ac4b16ff" PRIMARY KEY ("vector_store_id", "file_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_vector_store_files_store_seq" ON "vector_store_files" ("vector_store_id", "seq")
        `);
    await queryRunner.query(
      `
            INSERT INTO "typeorm_metadata"(
                    "database",
                    "schema",
                    "table",
                    "type",
                    "name",
                    "value"
                )
            VALUES ($1, $2, $3, $4, $5, $6)
        `,
      ['poste', 'public', 'vector_store_chunks', 'GENERATED_COLUMN', 'tsv', "to_tsvector('english', content)"],
    );
    await queryRunner.query(`
            CREATE TABLE "vector_store_chunks" (
                "id" BIGSERIAL NOT NULL,
                "vector_store_id" character varying(64) NOT NULL,
                "file_id" character varying(64) NOT NULL,
                "owner" character varying(128) NOT NULL,
                "chunk_index" integer NOT NULL,
                "content" text NOT NULL,
                "tokens" integer NOT NULL,
                "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('english', content)) STORED NOT NULL,
                CONSTRAINT "PK_fc2437faab4674f589278d53a9f" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_vector_store_chunks_file" ON "vector_store_chunks" ("vector_store_id", "file_id", "chunk_index")
        `);
    // Keyword search: a GIN index over the stored tsvector, scanned per vector store.
    await queryRunner.query(`
            CREATE INDEX "idx_vector_store_chunks_tsv" ON "vector_store_chunks" USING GIN ("tsv")
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files"
            ADD CONSTRAINT "FK_5432d1c95480286ad2f20f018d7" FOREIGN KEY ("vector_store_id") REFERENCES "vector_stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files"
            ADD CONSTRAINT "FK_086fc493d458f1a80ec6aee0832" FOREIGN KEY ("file_id") REFERENCES "files"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_chunks"
            ADD CONSTRAINT "FK_73a98c3797d4278ecaf23c22d0a" FOREIGN KEY ("vector_store_id", "file_id") REFERENCES "vector_store_files"("vector_store_id", "file_id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "vector_store_chunks" DROP CONSTRAINT "FK_73a98c3797d4278ecaf23c22d0a"
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files" DROP CONSTRAINT "FK_086fc493d458f1a80ec6aee0832"
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files" DROP CONSTRAINT "FK_5432d1c95480286ad2f20f018d7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_vector_store_chunks_tsv"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_vector_store_chunks_file"
        `);
    await queryRunner.query(`
            DROP TABLE "vector_store_chunks"
        `);
    await queryRunner.query(
      `
            DELETE FROM "typeorm_metadata"
            WHERE "type" = $1
                AND "name" = $2
                AND "database" = $3
                AND "schema" = $4
                AND "table" = $5
        `,
      ['GENERATED_COLUMN', 'tsv', 'poste', 'public', 'vector_store_chunks'],
    );
    await queryRunner.query(`
            DROP INDEX "public"."idx_vector_store_files_store_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "vector_store_files"
        `);
  }
}
