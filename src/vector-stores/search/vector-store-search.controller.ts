import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/auth/api-route.decorator';
import { Owner } from '../../common/auth/owner.decorator';
import { SearchVectorStoreDto } from './dto/search.dto';
import { VectorStoreSearchService } from './vector-store-search.service';

@ApiTags('Vector stores')
@Controller(['vector_stores/:vector_store_id/search', 'vector-stores/:vector_store_id/search'])
export class VectorStoreSearchController {
  constructor(private readonly search: VectorStoreSearchService) {}

  @Post()
  @ApiRoute({ throttle: 'read', summary: "Search a vector store's files (PostgreSQL full-text search)" })
  run(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Body() dto: SearchVectorStoreDto) {
    return this.search.search(owner, storeId, dto);
  }
}
