import { Injectable } from '@nestjs/common';
import { ConflictingState } from '../../common/errors/app-errors';
import { nowSeconds } from '../../common/ids/ids';
import { ChunkSearch } from '../../retrieval/search/chunk-search';
import { ChunkQuery, SearchHit } from '../../retrieval/search/search-hit';
import { VectorStoresService } from '../vector-stores.service';
import { SearchVectorStoreDto } from './dto/search.dto';

export type StoreSearch = Omit<ChunkQuery, 'vectorStoreIds'>;

@Injectable()
export class VectorStoreSearchService {
  constructor(
    private readonly stores: VectorStoresService,
    private readonly chunks: ChunkSearch,
  ) {}

  /** `POST /vector_stores/{id}/search`: the best chunks for the query, as OpenAI's search page. */
  async search(owner: string, vectorStoreId: string, dto: SearchVectorStoreDto) {
    const store = await this.stores.findOwned(owner, vectorStoreId);
    if (store.isExpired(nowSeconds())) {
      throw new ConflictingState(`Vector store ${vectorStoreId} has expired and no longer answers searches.`, null);
    }
    const queries = Array.isArray(dto.query) ? dto.query : [dto.query];
    const hits = await this.searchLive([vectorStoreId], {
      text: queries.join(' '),
      limit: dto.max_num_results,
      filters: dto.filters,
      scoreThreshold: dto.ranking_options?.score_threshold,
    });
    return {
      object: 'vector_store.search_results.page' as const,
      search_query: queries,
      data: hits.map((hit) => ({
        file_id: hit.fileId,
        filename: hit.filename,
        score: hit.score,
        attributes: hit.attributes,
        content: [{ type: 'text' as const, text: hit.content }],
      })),
      has_more: false,
      next_page: null,
    };
  }

  /**
   * Searches several of the owner's stores at once (file_search in runs); stores that expired
   * or no longer exist are skipped. Searching counts as activity: it pushes expiry back.
   */
  async searchStores(owner: string, vectorStoreIds: string[], search: StoreSearch): Promise<SearchHit[]> {
    return this.searchLive(await this.stores.liveIds(owner, vectorStoreIds), search);
  }

  private async searchLive(vectorStoreIds: string[], search: StoreSearch): Promise<SearchHit[]> {
    if (vectorStoreIds.length === 0) {
      return [];
    }
    const hits = await this.chunks.search({ vectorStoreIds, ...search });
    await this.stores.touch(vectorStoreIds);
    return hits;
  }
}
