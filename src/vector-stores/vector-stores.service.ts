import { Injectable } from '@nestjs/common';
import { InvalidReference, ObjectNotFound } from '../common/errors/app-errors';
import { newId, nowSeconds } from '../common/ids/ids';
import { ListPage, toListPage } from '../common/pagination/list-page';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { CreateVectorStoreDto } from './dto/create-vector-store.dto';
import { UpdateVectorStoreDto } from './dto/update-vector-store.dto';
import { VectorStoreEntity, VectorStoreObject } from './vector-store.entity';
import { FileAttacher } from './files/file-attacher';
import { VectorStoreFilesRepository } from './files/vector-store-files.repository';
import { VectorStoresRepository } from './vector-stores.repository';

@Injectable()
export class VectorStoresService {
  constructor(
    private readonly stores: VectorStoresRepository,
    private readonly files: VectorStoreFilesRepository,
    private readonly attacher: FileAttacher,
  ) {}

  /** Creates a store; `file_ids` are attached at once and indexed in the background. */
  async create(owner: string, dto: CreateVectorStoreDto): Promise<VectorStoreObject> {
    const fileIds = dto.file_ids ?? [];
    await this.attacher.assertAttachable(owner, fileIds, 'file_ids');
    const now = nowSeconds();
    const store = this.stores.create({
      id: newId('vectorStore'),
      owner,
      createdAt: now,
      lastActiveAt: now,
      name: dto.name ?? '',
      description: dto.description ?? null,
      metadata: dto.metadata ?? {},
      expiresAfter: dto.expires_after ? { anchor: 'last_active_at', days: dto.expires_after.days } : null,
      usageBytes: 0,
    });
    await this.stores.save(store);
    const files = fileIds.map((fileId) => ({ fileId, chunkingStrategy: dto.chunking_strategy }));
    await this.attacher.attach(owner, store.id, files);
    return this.withFiles(store, now);
  }

  async retrieve(owner: string, id: string): Promise<VectorStoreObject> {
    return this.withFiles(await this.findOwned(owner, id), nowSeconds());
  }

  async list(owner: string, query: ListQueryDto): Promise<ListPage<VectorStoreObject>> {
    const slice = await this.stores.listOwned(owner, query);
    const now = nowSeconds();
    const files = await this.files.countsOfStores(slice.rows.map((store) => store.id));
    return toListPage(slice.rows, slice.hasMore, (store) => store.toObject(now, files.get(store.id)));
  }

  async update(owner: string, id: string, dto: UpdateVectorStoreDto): Promise<VectorStoreObject> {
    const store = await this.findOwned(owner, id);
    if (dto.name !== undefined) {
      store.name = dto.name ?? '';
    }
    if (dto.metadata !== undefined) {
      store.metadata = dto.metadata ?? {};
    }
    if (dto.expires_after !== undefined) {
      store.expiresAfter = dto.expires_after ? { anchor: 'last_active_at', days: dto.expires_after.days } : null;
    }
    return this.withFiles(await this.stores.save(store), nowSeconds());
  }

  async delete(owner: string, id: string) {
    if (!(await this.stores.deleteOwned(owner, id))) {
      throw new ObjectNotFound('vector store', id);
    }
    return { id, object: 'vector_store.deleted' as const, deleted: true };
  }

  /** Rejects a request that references vector stores the owner does not have, naming the param. */
  async assertOwned(owner: string, ids: string[], param: string): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    const owned = await this.stores.ownedIds(owner, ids);
    const missing = ids.find((id) => !owned.has(id));
    if (missing !== undefined) {
      throw new InvalidReference(param, 'vector store', missing);
    }
  }

  /** Marks stores used now: `expires_after` counts from the last activity. */
  async touch(ids: string[]): Promise<void> {
    await this.stores.touch(ids, nowSeconds());
  }

  /** Which of these stores the owner has and that have not expired, in the order given. */
  async liveIds(owner: string, ids: string[]): Promise<string[]> {
    const now = nowSeconds();
    const stores = await this.stores.findManyOwned(owner, ids);
    const live = new Set(stores.filter((store) => !store.isExpired(now)).map((store) => store.id));
    return [...new Set(ids)].filter((id) => live.has(id));
  }

  private async withFiles(store: VectorStoreEntity, now: number): Promise<VectorStoreObject> {
    return store.toObject(now, (await this.files.countsOfStores([store.id])).get(store.id));
  }

  /**
   * The owner's store, or a 404: for routes under a store that need it to exist, not its
   * file counts (which cost a query of their own).
   */
  async findOwned(owner: string, id: string): Promise<VectorStoreEntity> {
    const store = await this.stores.findOwned(owner, id);
    if (!store) {
      throw new ObjectNotFound('vector store', id);
    }
    return store;
  }
}
