import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity, Repository } from 'typeorm';
import { paginate, Slice } from '../../common/pagination/cursor-paginator';
import { Chunk } from '../../retrieval/chunking';
import { ChunkEntity } from './chunk.entity';
import { ListVectorStoreFilesQueryDto } from './dto/vector-store-file.dto';
import { FileCounts, noFiles } from './file-counts';
import { VectorStoreFileEntity, VectorStoreFileStatus } from './vector-store-file.entity';

export interface StoreUsage {
  counts: FileCounts;
  usageBytes: number;
}

const CHUNK_INSERT_BATCH = 500;

@Injectable()
export class VectorStoreFilesRepository {
  constructor(
    @InjectRepository(VectorStoreFileEntity) private readonly files: Repository<VectorStoreFileEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Attaches files to one store. A file already in the store keeps its row and status, as
   * OpenAI did; attached through a batch, it joins that batch. Answers the ids newly attached,
   * which are the ones to index.
   */
  async attach(rows: Array<Partial<VectorStoreFileEntity>>, batchId: string | null): Promise<Set<string>> {
    if (rows.length === 0) {
      return new Set();
    }
    const insert = this.files
      .createQueryBuilder()
      .insert()
      .values(rows as Array<QueryDeepPartialEntity<VectorStoreFileEntity>>)
      .returning('file_id AS "fileId", (xmax = 0) AS "created"');
    if (batchId === null) {
      insert.orIgnore();
    } else {
      insert.orUpdate(['batch_id'], ['vector_store_id', 'file_id']);
    }
    const { raw } = await insert.execute();
    return new Set(
      (raw as Array<{ fileId: string; created: boolean }>).filter((row) => row.created).map((row) => row.fileId),
    );
  }

  findOwned(owner: string, vectorStoreId: string, fileId: string): Promise<VectorStoreFileEntity | null> {
    return this.files.findOneBy({ owner, vectorStoreId, fileId });
  }

  find(vectorStoreId: string, fileId: string): Promise<VectorStoreFileEntity | null> {
    return this.files.findOneBy({ vectorStoreId, fileId });
  }

  /** A store's files, or only one batch's, optionally in one status. */
  list(
    scope: { owner: string; vectorStoreId: string; batchId?: string },
    query: ListVectorStoreFilesQueryDto,
  ): Promise<Slice<VectorStoreFileEntity>> {
    const qb = this.files
      .createQueryBuilder('file')
      .where('file.vector_store_id = :vectorStoreId', { vectorStoreId: scope.vectorStoreId })
      .andWhere('file.owner = :owner', { owner: scope.owner });
    if (scope.batchId !== undefined) {
      qb.andWhere('file.batch_id = :batchId', { batchId: scope.batchId });
    }
    if (query.filter) {
      qb.andWhere('file.status = :status', { status: query.filter });
    }
    return paginate(qb, query, { idProperty: 'fileId' });
  }

  /**
   * Stores a file's chunks and marks it `completed`, in one transaction, only if it is still
   * `in_progress`: a file cancelled or detached meanwhile gets no chunks, and a retry after a
   * crash replaces whatever a previous attempt could not commit. Answers whether it was stored.
   */
  async completeIndexing(
    entry: Pick<VectorStoreFileEntity, 'owner' | 'vectorStoreId' | 'fileId'>,
    chunks: Chunk[],
    usageBytes: number,
    storeVectors?: (manager: EntityManager, chunkIds: string[]) => Promise<void>,
  ): Promise<boolean> {
    const { owner, vectorStoreId, fileId } = entry;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.lockInProgress(manager, vectorStoreId, fileId))) {
        return false;
      }
      await manager.delete(ChunkEntity, { vectorStoreId, fileId });
      const chunkIds: string[] = [];
      for (let start = 0; start < chunks.length; start += CHUNK_INSERT_BATCH) {
        const inserted = await manager.insert(
          ChunkEntity,
          chunks.slice(start, start + CHUNK_INSERT_BATCH).map((chunk) => ({
            owner,
            vectorStoreId,
            fileId,
            chunkIndex: chunk.index,
            content: chunk.content,
            tokens: chunk.tokens,
          })),
        );
        chunkIds.push(...inserted.identifiers.map((identifier) => String(identifier.id)));
      }
      await storeVectors?.(manager, chunkIds);
      await manager.update(VectorStoreFileEntity, { vectorStoreId, fileId }, { status: 'completed', usageBytes });
      return true;
    });
  }

  /** Ends indexing with an error, unless the file left `in_progress` meanwhile (cancelled, detached). */
  async fail(vectorStoreId: string, fileId: string, lastError: NonNullable<VectorStoreFileEntity['lastError']>) {
    await this.files.update({ vectorStoreId, fileId, status: 'in_progress' }, { status: 'failed', lastError });
  }

  /** Cancels a batch's files still being indexed; their indexing jobs then find nothing to do. */
  async cancelBatchFiles(manager: EntityManager, batchId: string): Promise<void> {
    await manager.update(VectorStoreFileEntity, { batchId, status: 'in_progress' }, { status: 'cancelled' });
  }

  async detach(owner: string, vectorStoreId: string, fileId: string): Promise<boolean> {
    const result = await this.files.delete({ owner, vectorStoreId, fileId });
    return (result.affected ?? 0) > 0;
  }

  /** file_counts and usage_bytes of several stores in one query. */
  countsOfStores(vectorStoreIds: string[]): Promise<Map<string, StoreUsage>> {
    return this.countsBy('vector_store_id', vectorStoreIds);
  }

  /** A batch's file_counts. */
  async countsOfBatch(batchId: string): Promise<FileCounts> {
    return (await this.countsBy('batch_id', [batchId])).get(batchId)?.counts ?? noFiles();
  }

  private async countsBy(column: 'vector_store_id' | 'batch_id', ids: string[]): Promise<Map<string, StoreUsage>> {
    const rows: Array<{ key: string; status: VectorStoreFileStatus; n: string; bytes: string }> =
      ids.length === 0
        ? []
        : await this.files.query(
            `SELECT ${column} AS key, status, count(*) AS n, coalesce(sum(usage_bytes), 0) AS bytes
               FROM vector_store_files WHERE ${column} = ANY($1) GROUP BY ${column}, status`,
            [ids],
          );
    const result = new Map<string, StoreUsage>(ids.map((id) => [id, { counts: noFiles(), usageBytes: 0 }]));
    for (const row of rows) {
      const entry = result.get(row.key);
      if (entry) {
        entry.counts[row.status] = Number(row.n);
        entry.counts.total += Number(row.n);
        entry.usageBytes += Number(row.bytes);
      }
    }
    return result;
  }

  private async lockInProgress(manager: EntityManager, vectorStoreId: string, fileId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM vector_store_files
        WHERE vector_store_id = $1 AND file_id = $2 AND status = 'in_progress' FOR UPDATE`,
      [vectorStoreId, fileId],
    );
    return rows.length > 0;
  }
}
