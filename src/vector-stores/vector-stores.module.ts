import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FilesModule } from '../files/files.module';
import { QueueModule } from '../queue/queue.module';
import { ModelModule } from '../model/model.module';
import { ChunkEmbeddings } from '../retrieval/embeddings/chunk-embeddings';
import { ChunkSearch } from '../retrieval/search/chunk-search';
import { KeywordSearch } from '../retrieval/search/keyword-search';
import { FileBatchEntity } from './batches/file-batch.entity';
import { FileBatchesController } from './batches/file-batches.controller';
import { FileBatchesRepository } from './batches/file-batches.repository';
import { FileBatchesService } from './batches/file-batches.service';
import { ChunkEntity } from './files/chunk.entity';
import { FileAttacher } from './files/file-attacher';
import { FileIndexer } from './files/file-indexer';
import { VectorStoreFileEntity } from './files/vector-store-file.entity';
import { VectorStoreFilesController } from './files/vector-store-files.controller';
import { VectorStoreFilesRepository } from './files/vector-store-files.repository';
import { VectorStoreFilesService } from './files/vector-store-files.service';
import { VectorStoreSearchController } from './search/vector-store-search.controller';
import { VectorStoreSearchService } from './search/vector-store-search.service';
import { VectorStoreEntity } from './vector-store.entity';
import { VectorStoresController } from './vector-stores.controller';
import { VectorStoresRepository } from './vector-stores.repository';
import { VectorStoresService } from './vector-stores.service';

/** Vector stores, their files and batches, indexing, and search. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VectorStoreEntity, VectorStoreFileEntity, FileBatchEntity, ChunkEntity]),
    FilesModule,
    QueueModule,
    ModelModule,
  ],
  controllers: [VectorStoresController, VectorStoreFilesController, FileBatchesController, VectorStoreSearchController],
  providers: [
    VectorStoresService,
    VectorStoresRepository,
    VectorStoreFilesService,
    VectorStoreFilesRepository,
    FileAttacher,
    FileIndexer,
    FileBatchesService,
    FileBatchesRepository,
    VectorStoreSearchService,
    KeywordSearch,
    ChunkEmbeddings,
    ChunkSearch,
  ],
  exports: [VectorStoresService, VectorStoreSearchService, FileAttacher],
})
export class VectorStoresModule {}
