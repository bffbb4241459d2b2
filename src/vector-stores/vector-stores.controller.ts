import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../common/auth/api-route.decorator';
import { Owner } from '../common/auth/owner.decorator';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { CreateVectorStoreDto } from './dto/create-vector-store.dto';
import { UpdateVectorStoreDto } from './dto/update-vector-store.dto';
import { VectorStoreDeletedResponse, VectorStoreListResponse, VectorStoreResponse } from './dto/vector-store.response';
import { VectorStoresService } from './vector-stores.service';

/** `/vector-stores` is an alias of `/vector_stores` (SPEC §3). */
@ApiTags('Vector stores')
@Controller(['vector_stores', 'vector-stores'])
export class VectorStoresController {
  constructor(private readonly stores: VectorStoresService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Create a vector store' })
  @ApiOkResponse({ type: VectorStoreResponse })
  create(@Owner() owner: string, @Body() dto: CreateVectorStoreDto) {
    return this.stores.create(owner, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: 'List vector stores' })
  @ApiOkResponse({ type: VectorStoreListResponse })
  list(@Owner() owner: string, @Query() query: ListQueryDto) {
    return this.stores.list(owner, query);
  }

  @Get(':vector_store_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a vector store' })
  @ApiOkResponse({ type: VectorStoreResponse })
  retrieve(@Owner() owner: string, @Param('vector_store_id') id: string) {
    return this.stores.retrieve(owner, id);
  }

  @Post(':vector_store_id')
  @ApiRoute({ throttle: 'write', summary: 'Modify a vector store' })
  @ApiOkResponse({ type: VectorStoreResponse })
  update(@Owner() owner: string, @Param('vector_store_id') id: string, @Body() dto: UpdateVectorStoreDto) {
    return this.stores.update(owner, id, dto);
  }

  @Delete(':vector_store_id')
  @ApiRoute({ throttle: 'write', summary: 'Delete a vector store' })
  @ApiOkResponse({ type: VectorStoreDeletedResponse })
  delete(@Owner() owner: string, @Param('vector_store_id') id: string) {
    return this.stores.delete(owner, id);
  }
}
