import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Embeddings of chunks, for hybrid file search — only where the pgvector `vector` extension is
 * available: keyword search needs nothing more than PostgreSQL, and a database without pgvector
 * must still migrate. The column has no fixed dimension (models differ); the HNSW index is a
 * partial expression index per dimension, created when a model's first vectors are stored.
 * A database that gains pgvector later gets the table by reverting and re-running this migration.
 */
export class ChunkEmbeddings1795439000000 implements MigrationInterface {
  name = 'ChunkEmbeddings1795439000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const available: unknown[] = await queryRunner.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'vector'`);
    if (available.length === 0) {
      return;
    }
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS vector`);
    await queryRunner.query(`
            CREATE TABLE "vector_store_chunk_embeddings" (
                "chunk_id" bigint NOT NULL,
                "model" character varying(256) NOT NULL,
                "dimensions" integer NOT NULL,
                "embedding" vector NOT NULL,
                CONSTRAINT "PK_vector_store_chunk_embeddings" PRIMARY KEY ("chunk_id"),
                CONSTRAINT "FK_vector_store_chunk_embeddings_chunk" FOREIGN KEY ("chunk_id")
                    REFERENCES "vector_store_chunks"("id") ON DELETE CASCADE
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "vector_store_chunk_embeddings"`);
  }
}
