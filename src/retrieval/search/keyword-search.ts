import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileAttributeFilter } from './attribute-filter';
import { ChunkQuery, HIT_COLUMNS, HitRow, SEARCHABLE_CHUNKS, SearchHit, toHit } from './search-hit';

/** The text-search configuration of `vector_store_chunks.tsv` (see ChunkEntity). */
const TEXT_SEARCH_CONFIG = 'english';

/**
 * PostgreSQL full-text search over indexed chunks: needs no embeddings service. Chunks holding
 * every word of the question are looked for first; only when they are too few does any word
 * do (a chunk need not contain them all), which costs more: common words match much of a store.
 * Ranked by cover density, normalised to 0–1 so a score threshold means the same on every
 * store. Only completed files answer.
 */
@Injectable()
export class KeywordSearch {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: ChunkQuery): Promise<SearchHit[]> {
    const everyWord = await this.rank(query, 'every_word');
    return everyWord.length >= query.limit ? everyWord : this.rank(query, 'any_word');
  }

  private async rank(
    { vectorStoreIds, text, limit, filters, scoreThreshold }: ChunkQuery,
    match: 'every_word' | 'any_word',
  ): Promise<SearchHit[]> {
    const params: unknown[] = [vectorStoreIds, text, limit, scoreThreshold ?? 0];
    const filter = filters ? `AND ${compileAttributeFilter(filters, 'vsf.attributes', params)}` : '';
    // OFFSET 0 keeps the planner from pushing the score filter into the scan, which would
    // compute ts_rank_cd twice for every matching chunk.
    const rows: HitRow[] = await this.dataSource.query(
      `WITH q AS (
         SELECT plainto_tsquery('${TEXT_SEARCH_CONFIG}', $2) AS every_word,
                nullif(replace(plainto_tsquery('${TEXT_SEARCH_CONFIG}', $2)::text, '&', '|'), '')::tsquery AS any_word
       )
       SELECT * FROM (
         SELECT ${HIT_COLUMNS}, ts_rank_cd(c.tsv, q.any_word, 32) AS score
           FROM q, vector_store_chunks c ${SEARCHABLE_CHUNKS}
          WHERE c.vector_store_id = ANY($1) AND c.tsv @@ q.${match} ${filter}
         OFFSET 0
       ) hits
       WHERE score >= $4
       ORDER BY score DESC, chunk_id
       LIMIT $3`,
      params,
    );
    return rows.map(toHit);
  }
}
