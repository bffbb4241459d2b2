import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../../common/auth/api-route.decorator';
import { Owner } from '../../common/auth/owner.decorator';
import { ListVectorStoreFilesQueryDto } from '../files/dto/vector-store-file.dto';
import { VectorStoreFileListResponse } from '../files/dto/vector-store-file.response';
import { CreateFileBatchDto } from './dto/create-file-batch.dto';
import { FileBatchResponse } from './dto/file-batch.response';
import { FileBatchesService } from './file-batches.service';

@ApiTags('Vector stores')
@Controller(['vector_stores/:vector_store_id/file_batches', 'vector-stores/:vector_store_id/file_batches'])
export class FileBatchesController {
  constructor(private readonly batches: FileBatchesService) {}

  @Post()
  @ApiRoute({ throttle: 'write', summary: 'Add several files to a vector store at once (indexed in the background)' })
  @ApiOkResponse({ type: FileBatchResponse })
  create(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Body() dto: CreateFileBatchDto) {
    return this.batches.create(owner, storeId, dto);
  }

  @Get(':batch_id')
  @ApiRoute({ throttle: 'poll', summary: 'Retrieve a file batch' })
  @ApiOkResponse({ type: FileBatchResponse })
  retrieve(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Param('batch_id') batchId: string) {
    return this.batches.retrieve(owner, storeId, batchId);
  }

  @Post(':batch_id/cancel')
  @ApiRoute({ throttle: 'write', summary: "Cancel a file batch: its files not yet indexed end 'cancelled'" })
  @ApiOkResponse({ type: FileBatchResponse })
  cancel(@Owner() owner: string, @Param('vector_store_id') storeId: string, @Param('batch_id') batchId: string) {
    return this.batches.cancel(owner, storeId, batchId);
  }

  @Get(':batch_id/files')
  @ApiRoute({ throttle: 'read', summary: "List a file batch's files" })
  @ApiOkResponse({ type: VectorStoreFileListResponse })
  listFiles(
    @Owner() owner: string,
    @Param('vector_store_id') storeId: string,
    @Param('batch_id') batchId: string,
    @Query() query: ListVectorStoreFilesQueryDto,
  ) {
    return this.batches.listFiles(owner, storeId, batchId, query);
  }
}
