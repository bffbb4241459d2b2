import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttributeFilter, compileAttributeFilter } from './attribute-filter';

export interface SearchHit {
  fileId: string;
  filename: string;
  attributes: Record<string, string | number | boolean>;
  content: string;
  score: number;
}

export interface KeywordQuery {
  vectorStoreIds: string[];
  text: string;
  limit: number;
  filters?: AttributeFilter;
  scoreThreshold?: number;
}

/**
 * PostgreSQL full-text search over indexed chunks: needs no embeddings service. A question's
 * words are OR-ed (a chunk need not contain every word) and ranked by cover density, normalised
 * to 0–1 so a score threshold means the same on every store. Only completed files answer.
 */
@Injectable()
export class KeywordSearch {
  constructor(private readonly dataSource: DataSource) {}

  async search({ vectorStoreIds, text, limit, filters, scoreThreshold }: KeywordQuery): Promise<SearchHit[]> {
    const params: unknown[] = [vectorStoreIds, text, limit, scoreThreshold ?? 0];
    const filter = filters ? `AND ${compileAttributeFilter(filters, 'vsf.attributes', params)}` : '';
    const rows: Array<{
      file_id: string;
      filename: string;
      attributes: SearchHit['attributes'];
      content: string;
      score: number;
    }> = await this.dataSource.query(
      `WITH q AS (SELECT nullif(replace(plainto_tsquery('simple', $2)::text, '&', '|'), '')::tsquery AS query)
         SELECT * FROM (
           SELECT c.file_id, f.filename, vsf.attributes, c.content, ts_rank_cd(c.tsv, q.query, 32) AS score, c.id
             FROM q, vector_store_chunks c
             JOIN vector_store_files vsf
               ON vsf.vector_store_id = c.vector_store_id AND vsf.file_id = c.file_id AND vsf.status = 'completed'
             JOIN files f ON f.id = c.file_id
            WHERE c.vector_store_id = ANY($1) AND c.tsv @@ q.query ${filter}
         ) hits
         WHERE score >= $4
         ORDER BY score DESC, id
         LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      fileId: row.file_id,
      filename: row.filename,
      attributes: row.attributes,
      content: row.content,
      score: Number(row.score),
    }));
  }
}
