import { AttributeFilter } from './attribute-filter';

/** One chunk found by a search, with what the search routes and the file_search tool report. */
export interface SearchHit {
  chunkId: string;
  fileId: string;
  filename: string;
  attributes: Record<string, string | number | boolean>;
  content: string;
  /** 0–1, higher is better. */
  score: number;
}

export interface ChunkQuery {
  vectorStoreIds: string[];
  text: string;
  limit: number;
  filters?: AttributeFilter;
  scoreThreshold?: number;
}

/** The columns every chunk search selects, and how a row becomes a hit. */
export const HIT_COLUMNS = 'c.id AS chunk_id, c.file_id, f.filename, vsf.attributes, c.content';

/** Joins that keep a chunk only while its file is indexed (`completed`) in the store. */
export const SEARCHABLE_CHUNKS = `
  JOIN vector_store_files vsf
    ON vsf.vector_store_id = c.vector_store_id AND vsf.file_id = c.file_id AND vsf.status = 'completed'
  JOIN files f ON f.id = c.file_id`;

export interface HitRow {
  chunk_id: string;
  file_id: string;
  filename: string;
  attributes: SearchHit['attributes'];
  content: string;
  score: number | string;
}

export function toHit(row: HitRow): SearchHit {
  return {
    chunkId: String(row.chunk_id),
    fileId: row.file_id,
    filename: row.filename,
    attributes: row.attributes,
    content: row.content,
    score: Number(row.score),
  };
}
