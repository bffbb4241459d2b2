import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { nowSeconds } from '../../common/ids/ids';
import { FilesService } from '../../files/files.service';
import { JobQueue } from '../../queue/job-queue';
import { ChunkingStrategyParam, chunkingOptionsOf } from '../../retrieval/chunking';
import { VectorStoresRepository } from '../vector-stores.repository';
import { FILE_INDEXING_QUEUE, FileIndexingJob, fileIndexingJob } from './file-indexing.queue';
import { FileAttributes } from './vector-store-file.entity';
import { VectorStoreFilesRepository } from './vector-store-files.repository';

export interface FileToAttach {
  fileId: string;
  attributes?: FileAttributes | null;
  chunkingStrategy?: ChunkingStrategyParam | null;
}

/**
 * Attaching files to a store, however the request arrives (one file, a batch, `file_ids` at
 * store creation): the files must be the caller's, each new attachment starts `in_progress` and
 * is queued for indexing, and the store counts as active.
 */
@Injectable()
export class FileAttacher {
  constructor(
    private readonly files: VectorStoreFilesRepository,
    private readonly stores: VectorStoresRepository,
    private readonly uploads: FilesService,
    private readonly queue: JobQueue,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** Rejects, naming `param`, a file the owner does not have; nothing is attached then. */
  async assertAttachable(owner: string, fileIds: string[], param: string): Promise<void> {
    await this.uploads.assertOwned(owner, fileIds, param);
  }

  async attach(
    owner: string,
    vectorStoreId: string,
    requested: FileToAttach[],
    batchId: string | null = null,
  ): Promise<void> {
    const unique = [...new Map(requested.map((file) => [file.fileId, file])).values()];
    const now = nowSeconds();
    const created = await this.files.attach(
      unique.map((file) => ({
        vectorStoreId,
        fileId: file.fileId,
        owner,
        batchId,
        createdAt: now,
        status: 'in_progress' as const,
        lastError: null,
        usageBytes: 0,
        attributes: file.attributes ?? {},
        chunkingStrategy: staticStrategy(file.chunkingStrategy),
      })),
      batchId,
    );
    if (created.size > 0) {
      await this.queue.sendMany<FileIndexingJob>(
        FILE_INDEXING_QUEUE,
        [...created].map((fileId) => ({ vectorStoreId, fileId })),
        fileIndexingJob(this.config.get('INDEXING_TIMEOUT_SECONDS', { infer: true })),
      );
    }
    await this.stores.touch([vectorStoreId], now);
  }
}

/** OpenAI reports the strategy a file was chunked with: `auto` is stored as its static sizes. */
function staticStrategy(strategy: ChunkingStrategyParam | null | undefined) {
  const { maxChunkSizeTokens, chunkOverlapTokens } = chunkingOptionsOf(strategy);
  return {
    type: 'static' as const,
    static: { max_chunk_size_tokens: maxChunkSizeTokens, chunk_overlap_tokens: chunkOverlapTokens },
  };
}
