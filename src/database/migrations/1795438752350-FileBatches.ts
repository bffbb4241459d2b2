import { MigrationInterface, QueryRunner } from 'typeorm';

export class FileBatches1795438752350 implements MigrationInterface {
  name = 'FileBatches1795438752350';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "vector_store_file_batches" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "vector_store_id" character varying(64) NOT NULL,
                "cancelled_at" integer,
                CONSTRAINT "PK_21d78c880eb05cb582a3e04ae1a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_vector_store_file_batches_store" ON "vector_store_file_batches" ("vector_store_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files" ADD "batch_id" character varying(64)
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_vector_store_files_batch_seq" ON "vector_store_files" ("batch_id", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_file_batches"
            ADD CONSTRAINT "FK_93faeee15f491bee8abb03b68f3" FOREIGN KEY ("vector_store_id") REFERENCES "vector_stores"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "vector_store_files"
            ADD CONSTRAINT "FK_d42465c202593e63586c0248e48" FOREIGN KEY ("batch_id") REFERENCES "vector_store_file_batches"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vector_store_files" DROP CONSTRAINT "FK_d42465c202593e63586c0248e48"`);
    await queryRunner.query(`DROP INDEX "public"."idx_vector_store_files_batch_seq"`);
    await queryRunner.query(`ALTER TABLE "vector_store_files" DROP COLUMN "batch_id"`);
    await queryRunner.query(`DROP TABLE "vector_store_file_batches"`);
  }
}
