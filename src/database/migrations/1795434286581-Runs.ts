import { MigrationInterface, QueryRunner } from 'typeorm';

export class Runs1795434286581 implements MigrationInterface {
  name = 'Runs1795434286581';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "runs" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "thread_id" character varying(64) NOT NULL,
                "assistant_id" character varying(64) NOT NULL,
                "status" character varying(16) NOT NULL,
                "model" character varying(256) NOT NULL,
                "instructions" text NOT NULL DEFAULT '',
                "tools" jsonb NOT NULL DEFAULT '[]',
                "vector_store_ids" jsonb NOT NULL DEFAULT '[]',
                "metadata" jsonb NOT NULL DEFAULT '{}',
                "temperature" double precision,
                "top_p" double precision,
                "response_format" jsonb,
                "tool_choice" jsonb,
                "parallel_tool_calls" boolean NOT NULL DEFAULT true,
                "reasoning_effort" character varying(16),
                "max_prompt_tokens" integer,
                "max_completion_tokens" integer,
                "truncation_strategy" jsonb,
                "required_action" jsonb,
                "last_error" jsonb,
                "incomplete_details" jsonb,
                "usage" jsonb,
                "expires_at" integer,
                "started_at" integer,
                "cancelled_at" integer,
                "failed_at" integer,
                "completed_at" integer,
                "worker_id" character varying(64),
                "heartbeat_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_46d6a1e257c38ba58f1a3c30836" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_runs_thread_seq" ON "runs" ("thread_id", "seq")
        `);
    // One active run per thread, enforced by the database: of two concurrent creates, one wins.
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_runs_one_active_per_thread" ON "runs" ("thread_id")
            WHERE "status" IN ('queued', 'in_progress', 'requires_action', 'cancelling')
        `);
    // The sweeper's scan for runs whose worker stopped heartbeating, and for overdue runs.
    await queryRunner.query(`
            CREATE INDEX "idx_runs_lease" ON "runs" ("status", "heartbeat_at")
            WHERE "status" IN ('queued', 'in_progress', 'requires_action', 'cancelling')
        `);
    await queryRunner.query(`
            CREATE TABLE "run_steps" (
                "id" character varying(64) NOT NULL,
                "seq" BIGSERIAL NOT NULL,
                "owner" character varying(128) NOT NULL,
                "created_at" integer NOT NULL,
                "run_id" character varying(64) NOT NULL,
                "thread_id" character varying(64) NOT NULL,
                "assistant_id" character varying(64) NOT NULL,
                "type" character varying(20) NOT NULL,
                "status" character varying(16) NOT NULL,
                "step_details" jsonb NOT NULL,
                "last_error" jsonb,
                "usage" jsonb,
                "completed_at" integer,
                "cancelled_at" integer,
                "failed_at" integer,
                "expired_at" integer,
                CONSTRAINT "PK_2715c16961bdba2e3f7632da164" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_run_steps_run_seq" ON "run_steps" ("run_id", "seq")
        `);
    await queryRunner.query(`
            ALTER TABLE "runs"
            ADD CONSTRAINT "FK_f8638c178760a9b4a8ce6f8e68c" FOREIGN KEY ("thread_id") REFERENCES "threads"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "run_steps"
            ADD CONSTRAINT "FK_7f6526c62f033b0b92cbea2b802" FOREIGN KEY ("run_id") REFERENCES "runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "run_steps" DROP CONSTRAINT "FK_7f6526c62f033b0b92cbea2b802"
        `);
    await queryRunner.query(`
            ALTER TABLE "runs" DROP CONSTRAINT "FK_f8638c178760a9b4a8ce6f8e68c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_run_steps_run_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "run_steps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_lease"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_runs_one_active_per_thread"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_runs_thread_seq"
        `);
    await queryRunner.query(`
            DROP TABLE "runs"
        `);
  }
}
