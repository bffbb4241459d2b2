import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryDeepPartialEntity, Repository } from 'typeorm';
import { paginate, Slice } from '../../common/pagination/cursor-paginator';
import { ChunkEntity } from './chunk.entity';
import { ListVectorStoreFilesQueryDto } from './dto/vector-store-file.dto';
import { VectorStoreFileEntity, VectorStoreFileStatus } from './vector-store-file.entity';

export interface FileCounts {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

@Injectable()
export class VectorStoreFilesRepository {
  constructor(
    @InjectRepository(VectorStoreFileEntity) private readonly files: Repository<VectorStoreFileEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** Attaches a file; attaching it again answers the existing row, as OpenAI did. */
  async attach(fields: Partial<VectorStoreFileEntity>): Promise<{ file: VectorStoreFileEntity; created: boolean }> {
    const entity = this.files.create(fields);
    const result = await this.files
      .createQueryBuilder()
      .insert()
      .values(entity as QueryDeepPartialEntity<VectorStoreFileEntity>)
      .orIgnore()
      .execute();
    const created = (result.identifiers.length > 0 && result.raw.length > 0) as boolean;
    const file = await this.files.findOneByOrFail({ vectorStoreId: fields.vectorStoreId, fileId: fields.fileId });
    return { file, created };
  }

  findOwned(owner: string, vectorStoreId: string, fileId: string): Promise<VectorStoreFileEntity | null> {
    return this.files.findOneBy({ owner, vectorStoreId, fileId });
  }

  find(vectorStoreId: string, fileId: string): Promise<VectorStoreFileEntity | null> {
    return this.files.findOneBy({ vectorStoreId, fileId });
  }

  listOwned(
    owner: string,
    vectorStoreId: string,
    query: ListVectorStoreFilesQueryDto,
  ): Promise<Slice<VectorStoreFileEntity>> {
    const qb = this.files
      .createQueryBuilder('file')
      .where('file.vector_store_id = :vectorStoreId', { vectorStoreId })
      .andWhere('file.owner = :owner', { owner });
    if (query.filter) {
      qb.andWhere('file.status = :status', { status: query.filter });
    }
    return paginate(qb, query, { idProperty: 'fileId' });
  }

  async finish(
    vectorStoreId: string,
    fileId: string,
    patch: { status: VectorStoreFileStatus; lastError?: VectorStoreFileEntity['lastError']; usageBytes?: number },
  ): Promise<void> {
    await this.files.update({ vectorStoreId, fileId, status: 'in_progress' }, patch);
  }

  /** Replaces a file's chunks in one transaction: a re-run after a crash never leaves half an index. */
  async replaceChunks(
    owner: string,
    vectorStoreId: string,
    fileId: string,
    chunks: Array<{ index: number; content: string; tokens: number }>,
  ) {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ChunkEntity, { vectorStoreId, fileId });
      for (let start = 0; start < chunks.length; start += 500) {
        const rows = chunks.slice(start, start + 500).map((chunk) => ({
          owner,
          vectorStoreId,
          fileId,
          chunkIndex: chunk.index,
          content: chunk.content,
          tokens: chunk.tokens,
        }));
        await manager.insert(ChunkEntity, rows);
      }
    });
  }

  async detach(owner: string, vectorStoreId: string, fileId: string): Promise<boolean> {
    const result = await this.files.delete({ owner, vectorStoreId, fileId });
    return (result.affected ?? 0) > 0;
  }

  /** file_counts and usage_bytes of several stores in one query. */
  async countsOf(vectorStoreIds: string[]): Promise<Map<string, { counts: FileCounts; usageBytes: number }>> {
    const rows: Array<{ vector_store_id: string; status: VectorStoreFileStatus; n: string; bytes: string }> =
      vectorStoreIds.length === 0
        ? []
        : await this.files.query(
            `SELECT vector_store_id, status, count(*) AS n, coalesce(sum(usage_bytes), 0) AS bytes
               FROM vector_store_files WHERE vector_store_id = ANY($1) GROUP BY vector_store_id, status`,
            [vectorStoreIds],
          );
    const result = new Map<string, { counts: FileCounts; usageBytes: number }>();
    for (const id of vectorStoreIds) {
      result.set(id, { counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 }, usageBytes: 0 });
    }
    for (const row of rows) {
      const entry = result.get(row.vector_store_id);
      if (entry) {
        entry.counts[row.status] = Number(row.n);
        entry.counts.total += Number(row.n);
        entry.usageBytes += Number(row.bytes);
      }
    }
    return result;
  }
}
