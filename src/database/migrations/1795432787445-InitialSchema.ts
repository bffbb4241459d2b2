import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795432787445 implements MigrationInterface {
  name = 'InitialSchema1795432787445';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "assistants" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "name" character varying(256),
                "description" character varying(512),
                "model" character varying(256) NOT NULL,
                "instructions" text,
                "tools" jsonb NOT NULL DEFAULT '[]',
                "tool_resources" jsonb,
                "metadata" jsonb NOT NULL DEFAULT '{}',
                "temperature" double precision,
                "top_p" double precision,
                "response_format" jsonb,
                "reasoning_effort" character varying(16),
                CONSTRAINT "PK_640d8c25456e38fc20f6081d754" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_assistants_owner_seq" ON "assistants" ("owner", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "files" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "filename" character varying(512) NOT NULL,
                "bytes" bigint NOT NULL,
                "purpose" character varying(32) NOT NULL,
                CONSTRAINT "PK_6c16b9093a142e0e7613b04a3d9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_files_owner_seq" ON "files" ("owner", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "threads" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "metadata" jsonb NOT NULL DEFAULT '{}',
                "tool_resources" jsonb,
                CONSTRAINT "PK_d8a74804c34fc3900502cd27275" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_threads_owner_seq" ON "threads" ("owner", "seq")
        `);
    // GET /threads?metadata[key]=value filters with `@>`; jsonb_path_ops keeps the index small.
    await queryRunner.query(`
            CREATE INDEX "idx_threads_metadata" ON "threads" USING GIN ("metadata" jsonb_path_ops)
        `);
    await queryRunner.query(`
            CREATE TABLE "messages" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "thread_id" character varying(64) NOT NULL,
                "role" character varying(16) NOT NULL,
                "content" jsonb NOT NULL,
                "attachments" jsonb,
                "metadata" jsonb NOT NULL DEFAULT '{}',
                "status" character varying(16) NOT NULL DEFAULT 'completed',
                "assistant_id" character varying(64),
                "run_id" character varying(64),
                "completed_at" integer,
                CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_messages_thread_seq" ON "messages" ("thread_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "vector_stores" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "name" character varying(256) NOT NULL DEFAULT '',
                "description" character varying(512),
                "metadata" jsonb NOT NULL DEFAULT '{}',
                "expires_after" jsonb,
                "last_active_at" integer NOT NULL,
                "usage_bytes" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_6b261f696bb51ec2d67e2e2d332" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_vector_stores_owner_seq" ON "vector_stores" ("owner", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "messages"
            ADD CONSTRAINT "FK_bb3af7f695d50083e6523290d41" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "messages" DROP CONSTRAINT "FK_bb3af7f695d50083e6523290d41"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_vector_stores_owner_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "vector_stores"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_messages_thread_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_threads_metadata"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_threads_owner_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "threads"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_files_owner_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "files"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_assistants_owner_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "assistants"
        `);
  }
}
