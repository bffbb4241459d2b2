import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/auth/api-route.decorator';
import { Owner } from '../../common/auth/owner.decorator';
import { CreateVectorStoreFileDto, ListVectorStoreFilesQueryDto } from './dto/vector-store-file.dto';
import {
  VectorStoreFileDeletedResponse,
  VectorStoreFileListResponse,
  VectorStoreFileResponse,
} from './dto/vector-store-file.response';
import { VectorStoreFilesService } from './vector-store-files.service';

@ApiTags('Vector stores')
@Controller(['vector_stores/:vector_store_id/files', 'vector-stores/:vector_store_id/files'])
export class VectorStoreFilesController {
  constructor(private readonly files: VectorStoreFilesService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Add a file to a vector store (indexed in the background)' })
  @ApiOkResponse({ type: VectorStoreFileResponse })
  attach(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Body() dto: CreateVectorStoreFileDto) {
    return this.files.attach(owner, storeId, dto);
  }

  @Get()
  @ApiRoute({ throttle: 'read', summary: "List a vector store's files" })
  @ApiOkResponse({ type: VectorStoreFileListResponse })
  list(
    @Owner() owner: string,
    @Param('vector_store_id') storeId: string,
    @Query() query: ListVectorStoreFilesQueryDto,
  ) {
    return this.files.list(owner, storeId, query);
  }

  @Get(':file_id')
  @ApiRoute({ throttle: 'read', summary: 'Retrieve a vector store file' })
  @ApiOkResponse({ type: VectorStoreFileResponse })
  retrieve(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Param('file_id') fileId: string) {
    return this.files.retrieve(owner, storeId, fileId);
  }

  @Delete(':file_id')
  @ApiRoute({ throttle: 'write', summary: 'Remove a file from a vector store' })
  @ApiOkResponse({ type: VectorStoreFileDeletedResponse })
  detach(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Param('file_id') fileId: string) {
    return this.files.detach(owner, storeId, fileId);
  }
}
