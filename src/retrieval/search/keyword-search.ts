import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { compileAttributeFilter } from './attribute-filter';
import { ChunkQuery, HIT_COLUMNS, HitRow, SEARCHABLE_CHUNKS, SearchHit, toHit } from './search-hit';

/** The text-search configuration of `vector_store_chunks.tsv` (see ChunkEntity). */
const TEXT_SEARCH_CONFIG = 'english';

/**
 * A word in more than this share of all chunks (PostgreSQL's own statistics of the column)
 * tells chunks apart too little to be worth ranking: it is left out of the question while a
 * rarer word remains. Such words would otherwise match, and make PostgreSQL rank, most chunks.
 */
const COMMON_WORD_SHARE = 0.1;

/**
 * PostgreSQL full-text search over indexed chunks: needs no embeddings service. The question's
 * words that are in most chunks are dropped while rarer ones remain; chunks holding every
 * remaining word are looked for first; only when they are too few does any word
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
    const rows: HitRow[] = await this.dataSource.query(keywordSearchSql(match, filter), params);
    return rows.map(toHit);
  }
}

/**
 * The keyword query: $1 store ids, $2 the question, $3 the limit, $4 the score threshold, then
 * the filter's parameters. Exported for the benchmark, which EXPLAINs exactly what Poste sends.
 * OFFSET 0 keeps the planner from pushing the score filter into the scan, which would compute
 * ts_rank_cd twice for every matching chunk.
 */
export function keywordSearchSql(match: 'every_word' | 'any_word', filter = ''): string {
  return `WITH common AS (
       SELECT c.lexeme, c.share
         FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS c(lexeme, share)
        WHERE s.schemaname = current_schema() AND s.tablename = 'vector_store_chunks' AND s.attname = 'tsv'
     ),
     words AS (
       SELECT t.lexeme, coalesce(common.share, 0) AS share
         FROM unnest(to_tsvector('${TEXT_SEARCH_CONFIG}', $2)) AS t
         LEFT JOIN common ON common.lexeme = t.lexeme
     ),
     picked AS (
       SELECT coalesce(array_agg(lexeme) FILTER (WHERE share < ${COMMON_WORD_SHARE}), array_agg(lexeme)) AS lexemes
         FROM words
     ),
     q AS (
       SELECT (SELECT string_agg(quote_literal(l), ' & ') FROM unnest(lexemes) l)::tsquery AS every_word,
              (SELECT string_agg(quote_literal(l), ' | ') FROM unnest(lexemes) l)::tsquery AS any_word
         FROM picked
     )
     SELECT * FROM (
       SELECT ${HIT_COLUMNS}, ts_rank_cd(c.tsv, q.any_word, 32) AS score
         FROM q, vector_store_chunks c ${SEARCHABLE_CHUNKS}
        WHERE c.vector_store_id = ANY($1) AND c.tsv @@ q.${match} ${filter}
       OFFSET 0
     ) hits
     WHERE score >= $4
     ORDER BY score DESC, chunk_id
     LIMIT $3`;
}
