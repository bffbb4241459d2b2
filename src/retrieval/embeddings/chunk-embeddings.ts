import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EmbeddingsClient } from '../../model/embeddings-client';
import { compileAttributeFilter } from '../search/attribute-filter';
import { ChunkQuery, HIT_COLUMNS, HitRow, SEARCHABLE_CHUNKS, SearchHit, toHit } from '../search/search-hit';

const HNSW_MAX_DIMENSIONS = 2000;

/**
 * Chunk embeddings in pgvector (`vector_store_chunk_embeddings`), when both the table exists
 * (the database has the `vector` extension) and `EMBEDDINGS_MODEL` is set; otherwise hybrid
 * search is off and keyword search answers alone. Vectors of each dimension get their own
 * HNSW index (cosine), created when the first ones are stored.
 */
@Injectable()
export class ChunkEmbeddings implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChunkEmbeddings.name);
  private tableExists = false;
  private readonly indexedDimensions = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly embeddings: EmbeddingsClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [{ exists }] = await this.dataSource.query(
      `SELECT to_regclass('vector_store_chunk_embeddings') IS NOT NULL AS exists`,
    );
    this.tableExists = exists;
    if (this.embeddings.configured && !exists) {
      this.logger.warn(
        'EMBEDDINGS_MODEL is set but the database has no pgvector `vector` extension: file search is keyword-only.',
      );
    }
  }

  get enabled(): boolean {
    return this.tableExists && this.embeddings.configured;
  }

  /** Embeds texts through the configured endpoint. */
  embed(texts: string[]): Promise<number[][]> {
    return this.embeddings.embed(texts);
  }

  /** Stores vectors of chunks just inserted, within the indexing transaction. */
  async store(manager: EntityManager, chunkIds: string[], vectors: number[][]): Promise<void> {
    if (vectors.length === 0) {
      return;
    }
    const dimensions = vectors[0].length;
    await this.ensureIndex(manager, dimensions);
    await manager.query(
      `INSERT INTO vector_store_chunk_embeddings (chunk_id, model, dimensions, embedding)
       SELECT chunk_id, $2, $3, embedding::vector
         FROM unnest($1::bigint[], $4::text[]) AS v(chunk_id, embedding)`,
      [chunkIds, this.embeddings.model, dimensions, vectors.map((vector) => `[${vector.join(',')}]`)],
    );
  }

  /** The chunks nearest the query vector (cosine), as hits scored by similarity. */
  async nearest(query: ChunkQuery, vector: number[]): Promise<SearchHit[]> {
    const dimensions = vector.length;
    const params: unknown[] = [query.vectorStoreIds, `[${vector.join(',')}]`, query.limit, this.embeddings.model];
    const filter = query.filters ? `AND ${compileAttributeFilter(query.filters, 'vsf.attributes', params)}` : '';
    // The dimension is a validated integer from the vector itself: safe to inline, and it must
    // be a literal for the planner to match the partial expression index.
    const distance = `(e.embedding::vector(${dimensions})) <=> $2::vector(${dimensions})`;
    const rows: HitRow[] = await this.dataSource.transaction(async (manager) => {
      // The store filter applies after the index scan: keep scanning (pgvector ≥ 0.8; an unknown
      // setting is harmless before) until enough of the searched stores' chunks are found.
      await manager.query(`SELECT set_config('hnsw.iterative_scan', 'strict_order', true)`);
      return manager.query(
        `SELECT ${HIT_COLUMNS}, 1 - (${distance}) AS score
         FROM vector_store_chunk_embeddings e
         JOIN vector_store_chunks c ON c.id = e.chunk_id ${SEARCHABLE_CHUNKS}
        WHERE e.dimensions = ${dimensions} AND e.model = $4 AND c.vector_store_id = ANY($1) ${filter}
        ORDER BY ${distance}
        LIMIT $3`,
        params,
      );
    });
    return rows.map(toHit);
  }

  private async ensureIndex(manager: EntityManager, dimensions: number): Promise<void> {
    if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 16_000) {
      throw new Error(`The embeddings endpoint answered vectors of ${dimensions} dimensions`);
    }
    if (this.indexedDimensions.has(dimensions)) {
      return;
    }
    if (dimensions > HNSW_MAX_DIMENSIONS) {
      // pgvector's HNSW indexes `vector` up to 2000 dimensions: larger vectors are searched exactly.
      this.logger.warn(`Embeddings of ${dimensions} dimensions have no HNSW index: vector search scans them.`);
      this.indexedDimensions.add(dimensions);
      return;
    }
    await manager.query(
      `CREATE INDEX IF NOT EXISTS idx_chunk_embeddings_hnsw_${dimensions}
         ON vector_store_chunk_embeddings USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops)
         WHERE dimensions = ${dimensions}`,
    );
    this.indexedDimensions.add(dimensions);
  }
}
