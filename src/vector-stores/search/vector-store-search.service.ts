import { Injectable } from '@nestjs/common';
import { ConflictingState } from '../../common/errors/app-errors';
import { KeywordSearch } from '../../retrieval/search/keyword-search';
import { VectorStoresService } from '../vector-stores.service';
import { SearchVectorStoreDto } from './dto/search.dto';

@Injectable()
export class VectorStoreSearchService {
  constructor(
    private readonly stores: VectorStoresService,
    private readonly keyword: KeywordSearch,
  ) {}

  /** `POST /vector_stores/{id}/search`: the best chunks for the query, as OpenAI's search page. */
  async search(owner: string, vectorStoreId: string, dto: SearchVectorStoreDto) {
    const store = await this.stores.retrieve(owner, vectorStoreId);
    if (store.status === 'expired') {
      throw new ConflictingState(`Vector store ${vectorStoreId} has expired and no longer answers searches.`, null);
    }
    const queries = Array.isArray(dto.query) ? dto.query : [dto.query];
    const hits = await this.keyword.search({
      vectorStoreIds: [vectorStoreId],
      text: queries.join(' '),
      limit: dto.max_num_results,
      filters: dto.filters,
      scoreThreshold: dto.ranking_options?.score_threshold,
    });
    await this.stores.touch(vectorStoreId);
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
}
