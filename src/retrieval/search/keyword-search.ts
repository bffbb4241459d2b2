import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileAttributeFilter } from './attribute-filter';
import { ChunkQuery, HIT_COLUMNS, HitRow, SEARCHABLE_CHUNKS, SearchHit, toHit } from './search-hit';

/**
 * PostgreSQL full-text search over indexed chunks: needs no embeddings service. A question's
 * words are OR-ed (a chunk need not contain every word) and ranked by cover density, normalised
 * to 0–1 so a score threshold means the same on every store. Only completed files answer.
 */
@Injectable()
export class KeywordSearch {
  constructor(private readonly dataSource: DataSource) {}

  async search({ vectorStoreIds, text, limit, filters, scoreThreshold }: ChunkQuery): Promise<SearchHit[]> {
    const params: unknown[] = [vectorStoreIds, text, limit, scoreThreshold ?? 0];
    const filter = filters ? `AND ${compileAttributeFilter(filters, 'vsf.attributes', params)}` : '';
    const rows: HitRow[] = await this.dataSource.query(
      `WITH q AS (SELECT nullif(replace(plainto_tsquery('simple', $2)::text, '&', '|'), '')::tsquery AS query)
         SELECT * FROM (
           SELECT ${HIT_COLUMNS}, ts_rank_cd(c.tsv, q.query, 32) AS score
             FROM q, vector_store_chunks c ${SEARCHABLE_CHUNKS}
            WHERE c.vector_store_id = ANY($1) AND c.tsv @@ q.query ${filter}
         ) hits
         WHERE score >= $4
         ORDER BY score DESC, chunk_id
         LIMIT $3`,
      params,
    );
    return rows.map(toHit);
  }
}
