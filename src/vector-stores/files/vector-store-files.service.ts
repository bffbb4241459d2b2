import { Injectable } from '@nestjs/common';
import { ObjectNotFound } from '../../common/errors/app-errors';
import { ListPage, toListPage } from '../../common/pagination/list-page';
import { VectorStoresService } from '../vector-stores.service';
import { CreateVectorStoreFileDto, ListVectorStoreFilesQueryDto } from './dto/vector-store-file.dto';
import { FileAttacher } from './file-attacher';
import { VectorStoreFileObject } from './vector-store-file.entity';
import { VectorStoreFilesRepository } from './vector-store-files.repository';

@Injectable()
export class VectorStoreFilesService {
  constructor(
    private readonly files: VectorStoreFilesRepository,
    private readonly attacher: FileAttacher,
    private readonly stores: VectorStoresService,
  ) {}

  /** Attaches a file and queues its indexing; the file starts `in_progress`. */
  async attach(owner: string, vectorStoreId: string, dto: CreateVectorStoreFileDto): Promise<VectorStoreFileObject> {
    await this.stores.findOwned(owner, vectorStoreId);
    await this.attacher.assertAttachable(owner, [dto.file_id], 'file_id');
    await this.attacher.attach(owner, vectorStoreId, [
      { fileId: dto.file_id, attributes: dto.attributes, chunkingStrategy: dto.chunking_strategy },
    ]);
    return this.retrieve(owner, vectorStoreId, dto.file_id);
  }

  async list(
    owner: string,
    vectorStoreId: string,
    query: ListVectorStoreFilesQueryDto,
  ): Promise<ListPage<VectorStoreFileObject>> {
    await this.stores.findOwned(owner, vectorStoreId);
    const slice = await this.files.list({ owner, vectorStoreId }, query);
    return toListPage(
      slice.rows.map((file) => file.toObject()),
      slice.hasMore,
      (file) => file,
    );
  }

  async retrieve(owner: string, vectorStoreId: string, fileId: string): Promise<VectorStoreFileObject> {
    await this.stores.findOwned(owner, vectorStoreId);
    const file = await this.files.findOwned(owner, vectorStoreId, fileId);
    if (!file) {
      throw new ObjectNotFound('vector store file', fileId);
    }
    return file.toObject();
  }

  /** Removes the file from the store (its chunks go with it); the uploaded file itself stays. */
  async detach(owner: string, vectorStoreId: string, fileId: string) {
    await this.stores.findOwned(owner, vectorStoreId);
    if (!(await this.files.detach(owner, vectorStoreId, fileId))) {
      throw new ObjectNotFound('vector store file', fileId);
    }
    return { id: fileId, object: 'vector_store.file.deleted' as const, deleted: true };
  }
}
