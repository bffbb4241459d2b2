import { Injectable, Logger } from '@nestjs/common';
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
 * but means the same can still be found. If the embeddings endpoint fails, the keyword ranking
 * answers alone (and the failure is logged): a search degrades rather than fails.
 */
@Injectable()
export class ChunkSearch {
  private readonly logger = new Logger(ChunkSearch.name);

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
    // The vector query starts as soon as the question is embedded, beside the keyword query.
    const [keywordHits, vectorHits] = await Promise.all([
      this.keyword.search({ ...candidates, scoreThreshold: undefined }),
      this.vectorRanking(candidates),
    ]);
    const ranked = vectorHits === null ? keywordHits : fuseRankings([keywordHits, vectorHits]);
    return ranked.filter((hit) => hit.score >= (query.scoreThreshold ?? 0)).slice(0, query.limit);
  }

  /** The vector ranking, or null when the question could not be embedded. */
  private async vectorRanking(query: ChunkQuery): Promise<SearchHit[] | null> {
    let vector: number[];
    try {
      [vector] = await this.embeddings.embed([query.text]);
    } catch (error) {
      this.logger.warn(
        `Embedding a search query failed, answering by keyword only: ${error instanceof Error ? error.message : error}`,
      );
      return null;
    }
    return this.embeddings.nearest(query, vector);
  }
}
