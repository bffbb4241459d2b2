import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';
import { VectorStoreFilesRepository } from '../files/vector-store-files.repository';
import { FileBatchEntity } from './file-batch.entity';

@Injectable()
export class FileBatchesRepository {
  constructor(
    @InjectRepository(FileBatchEntity) private readonly batches: Repository<FileBatchEntity>,
    private readonly files: VectorStoreFilesRepository,
    private readonly dataSource: DataSource,
  ) {}

  insert(fields: Partial<FileBatchEntity>): Promise<FileBatchEntity> {
    return this.batches.save(this.batches.create(fields));
  }

  findOwned(owner: string, vectorStoreId: string, id: string): Promise<FileBatchEntity | null> {
    return this.batches.findOneBy({ owner, vectorStoreId, id });
  }

  /** Marks the batch cancelled and its files still indexing with it, atomically. */
  async cancel(id: string, now: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(FileBatchEntity, { id, cancelledAt: IsNull() }, { cancelledAt: now });
      await this.files.cancelBatchFiles(manager, id);
    });
  }
}
