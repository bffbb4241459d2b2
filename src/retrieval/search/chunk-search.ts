import { Injectable } from '@nestjs/common';
import { ChunkEmbeddings } from '../embeddings/chunk-embeddings';
import { KeywordSearch } from './keyword-search';
import { fuseRankings } from './rank-fusion';
import { ChunkQuery, SearchHit } from './search-hit';

/** Each ranking contributes this many candidates per result asked for, so fusion has room. */
const CANDIDATES_PER_RESULT = 3;
const MIN_CANDIDATES = 30;

/**
 * The one search over chunks: keyword search always; with embeddings on, hybrid — keyword and
 * vector rankings fused by reciprocal rank, so a chunk that shares no word with the question
 * but means the same can still be found.
 */
@Injectable()
export class ChunkSearch {
  constructor(
    private readonly keyword: KeywordSearch,
    private readonly embeddings: ChunkEmbeddings,
  ) {}

  get hybrid(): boolean {
    return this.embeddings.enabled;
  }

  async search(query: ChunkQuery): Promise<SearchHit[]> {
    if (!this.hybrid) {
      return this.keyword.search(query);
    }
    const candidates = { ...query, limit: Math.max(query.limit * CANDIDATES_PER_RESULT, MIN_CANDIDATES) };
    const [[vector], keywordHits] = await Promise.all([
      this.embeddings.embed([query.text]),
      this.keyword.search({ ...candidates, scoreThreshold: undefined }),
    ]);
    const vectorHits = await this.embeddings.nearest(candidates, vector);
    return fuseRankings([keywordHits, vectorHits])
      .filter((hit) => hit.score >= (query.scoreThreshold ?? 0))
      .slice(0, query.limit);
  }
}
