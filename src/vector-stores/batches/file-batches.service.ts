import { Injectable } from '@nestjs/common';
import { ConflictingState, InvalidRequest, ObjectNotFound } from '../../common/errors/app-errors';
import { newId, nowSeconds } from '../../common/ids/ids';
import { ListPage, toListPage } from '../../common/pagination/list-page';
import { ListVectorStoreFilesQueryDto } from '../files/dto/vector-store-file.dto';
import { FileAttacher, FileToAttach } from '../files/file-attacher';
import { VectorStoreFileObject } from '../files/vector-store-file.entity';
import { VectorStoreFilesRepository } from '../files/vector-store-files.repository';
import { VectorStoresService } from '../vector-stores.service';
import { CreateFileBatchDto } from './dto/create-file-batch.dto';
import { FileBatchEntity, FileBatchObject } from './file-batch.entity';
import { FileBatchesRepository } from './file-batches.repository';

@Injectable()
export class FileBatchesService {
  constructor(
    private readonly batches: FileBatchesRepository,
    private readonly files: VectorStoreFilesRepository,
    private readonly attacher: FileAttacher,
    private readonly stores: VectorStoresService,
  ) {}

  /** Attaches every file of the batch (all or none: each must be the caller's) and queues their indexing. */
  async create(owner: string, vectorStoreId: string, dto: CreateFileBatchDto): Promise<FileBatchObject> {
    await this.stores.findOwned(owner, vectorStoreId);
    const { files, param } = filesOf(dto);
    await this.attacher.assertAttachable(
      owner,
      files.map((file) => file.fileId),
      param,
    );
    const batch = await this.batches.insert({ id: newId('fileBatch'), owner, vectorStoreId, createdAt: nowSeconds() });
    await this.attacher.attach(owner, vectorStoreId, files, batch.id);
    return this.withCounts(batch);
  }

  async retrieve(owner: string, vectorStoreId: string, batchId: string): Promise<FileBatchObject> {
    return this.withCounts(await this.findOwned(owner, vectorStoreId, batchId));
  }

  /** Stops indexing the batch's remaining files: they end `cancelled`; files already indexed stay. */
  async cancel(owner: string, vectorStoreId: string, batchId: string): Promise<FileBatchObject> {
    const batch = await this.findOwned(owner, vectorStoreId, batchId);
    const status = batch.status(await this.files.countsOfBatch(batch.id));
    if (status !== 'in_progress' && status !== 'cancelled') {
      throw new ConflictingState(`Cannot cancel file batch ${batchId}: it is already ${status}.`, null);
    }
    await this.batches.cancel(batch.id, nowSeconds());
    return this.retrieve(owner, vectorStoreId, batchId);
  }

  async listFiles(
    owner: string,
    vectorStoreId: string,
    batchId: string,
    query: ListVectorStoreFilesQueryDto,
  ): Promise<ListPage<VectorStoreFileObject>> {
    await this.findOwned(owner, vectorStoreId, batchId);
    const slice = await this.files.list({ owner, vectorStoreId, batchId }, query);
    return toListPage(
      slice.rows.map((file) => file.toObject()),
      slice.hasMore,
      (file) => file,
    );
  }

  private async findOwned(owner: string, vectorStoreId: string, batchId: string): Promise<FileBatchEntity> {
    await this.stores.findOwned(owner, vectorStoreId);
    const batch = await this.batches.findOwned(owner, vectorStoreId, batchId);
    if (!batch) {
      throw new ObjectNotFound('file batch', batchId);
    }
    return batch;
  }

  private async withCounts(batch: FileBatchEntity): Promise<FileBatchObject> {
    return batch.toObject(await this.files.countsOfBatch(batch.id));
  }
}

/** The batch's files with their settings, and the param to name if one is not the caller's. */
function filesOf(dto: CreateFileBatchDto): { files: FileToAttach[]; param: string } {
  if (dto.file_ids !== undefined && dto.files !== undefined) {
    throw new InvalidRequest("'file_ids' and 'files' are mutually exclusive: give one of them.", 'files');
  }
  if (dto.files !== undefined) {
    const files = dto.files.map((file) => ({
      fileId: file.file_id,
      attributes: file.attributes,
      chunkingStrategy: file.chunking_strategy,
    }));
    return { files, param: 'files' };
  }
  const files = (dto.file_ids ?? []).map((fileId) => ({
    fileId,
    attributes: dto.attributes,
    chunkingStrategy: dto.chunking_strategy,
  }));
  return { files, param: 'file_ids' };
}
