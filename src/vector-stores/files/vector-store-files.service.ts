import { Injectable } from '@nestjs/common';
import { ObjectNotFound } from '../../common/errors/app-errors';
import { nowSeconds } from '../../common/ids/ids';
import { ListPage, toListPage } from '../../common/pagination/list-page';
import { FilesService } from '../../files/files.service';
import { JobQueue } from '../../queue/job-queue';
import { AUTO_CHUNKING } from '../../retrieval/chunking';
import { VectorStoresService } from '../vector-stores.service';
import { CreateVectorStoreFileDto, ListVectorStoreFilesQueryDto } from './dto/vector-store-file.dto';
import { FILE_INDEXING_QUEUE } from './file-indexer';
import { VectorStoreFileObject } from './vector-store-file.entity';
import { VectorStoreFilesRepository } from './vector-store-files.repository';

@Injectable()
export class VectorStoreFilesService {
  constructor(
    private readonly files: VectorStoreFilesRepository,
    private readonly uploads: FilesService,
    private readonly stores: VectorStoresService,
    private readonly queue: JobQueue,
  ) {}

  /** Attaches a file and queues its indexing; the file starts `in_progress`. */
  async attach(owner: string, vectorStoreId: string, dto: CreateVectorStoreFileDto): Promise<VectorStoreFileObject> {
    await this.stores.retrieve(owner, vectorStoreId);
    await this.uploads.assertOwned(owner, [dto.file_id], 'file_id');
    const strategy = dto.chunking_strategy;
    const { file, created } = await this.files.attach({
      vectorStoreId,
      fileId: dto.file_id,
      owner,
      createdAt: nowSeconds(),
      status: 'in_progress',
      lastError: null,
      usageBytes: 0,
      attributes: dto.attributes ?? {},
      chunkingStrategy:
        strategy?.type === 'static'
          ? strategy
          : {
              type: 'static',
              static: {
                max_chunk_size_tokens: AUTO_CHUNKING.maxChunkSizeTokens,
                chunk_overlap_tokens: AUTO_CHUNKING.chunkOverlapTokens,
              },
            },
    });
    if (created) {
      await this.queue.send(
        FILE_INDEXING_QUEUE,
        { vectorStoreId, fileId: dto.file_id },
        { retryLimit: 2, expireInSeconds: 900 },
      );
      await this.stores.touch(vectorStoreId);
    }
    return file.toObject();
  }

  async list(
    owner: string,
    vectorStoreId: string,
    query: ListVectorStoreFilesQueryDto,
  ): Promise<ListPage<VectorStoreFileObject>> {
    await this.stores.retrieve(owner, vectorStoreId);
    const slice = await this.files.listOwned(owner, vectorStoreId, query);
    return toListPage(
      slice.rows.map((file) => file.toObject()),
      slice.hasMore,
      (file) => file,
    );
  }

  async retrieve(owner: string, vectorStoreId: string, fileId: string): Promise<VectorStoreFileObject> {
    await this.stores.retrieve(owner, vectorStoreId);
    const file = await this.files.findOwned(owner, vectorStoreId, fileId);
    if (!file) {
      throw new ObjectNotFound('vector store file', fileId);
    }
    return file.toObject();
  }

  /** Removes the file from the store (its chunks go with it); the uploaded file itself stays. */
  async detach(owner: string, vectorStoreId: string, fileId: string) {
    await this.stores.retrieve(owner, vectorStoreId);
    if (!(await this.files.detach(owner, vectorStoreId, fileId))) {
      throw new ObjectNotFound('vector store file', fileId);
    }
    return { id: fileId, object: 'vector_store.file.deleted' as const, deleted: true };
  }
}
