import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { FilesService } from '../../files/files.service';
import { JobQueue } from '../../queue/job-queue';
import { chunkText } from '../../retrieval/chunking';
import { ExtractionError, extractText } from '../../retrieval/extraction';
import { VectorStoreFilesRepository } from './vector-store-files.repository';

export const FILE_INDEXING_QUEUE = 'vector-store-files';

/**
 * Indexes files attached to vector stores, from the durable queue: extract the text, chunk it,
 * replace the file's chunks in one transaction, then mark it `completed` (or `failed` with
 * `last_error`). A worker that dies mid-file lets the job expire; pg-boss retries it, and the
 * transaction means nothing half-indexed was ever visible.
 */
@Injectable()
export class FileIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger(FileIndexer.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly files: VectorStoreFilesRepository,
    private readonly uploads: FilesService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.createQueue(FILE_INDEXING_QUEUE);
    if (this.config.get('POSTE_ROLE', { infer: true }) === 'api') {
      return;
    }
    await this.queue.work<{ vectorStoreId: string; fileId: string }>(
      FILE_INDEXING_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      ({ vectorStoreId, fileId }) => this.index(vectorStoreId, fileId),
    );
  }

  async index(vectorStoreId: string, fileId: string): Promise<void> {
    const entry = await this.files.find(vectorStoreId, fileId);
    if (!entry || entry.status !== 'in_progress') {
      return;
    }
    try {
      const { bytes, filename } = await this.uploads.contentOf(entry.owner, fileId);
      const text = await extractText(bytes, filename);
      const { max_chunk_size_tokens: maxChunkSizeTokens, chunk_overlap_tokens: chunkOverlapTokens } =
        entry.chunkingStrategy.static;
      const chunks = chunkText(text, { maxChunkSizeTokens, chunkOverlapTokens });
      await this.files.replaceChunks(entry.owner, vectorStoreId, fileId, chunks);
      // The text stored, counted once: overlapping chunks repeat much of it.
      const usageBytes = Buffer.byteLength(text);
      await this.files.finish(vectorStoreId, fileId, { status: 'completed', usageBytes });
    } catch (error) {
      const lastError =
        error instanceof ExtractionError
          ? { code: error.code, message: error.message }
          : { code: 'server_error' as const, message: 'The file could not be indexed.' };
      if (!(error instanceof ExtractionError)) {
        this.logger.error(
          `Indexing ${fileId} into ${vectorStoreId}: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
      await this.files.finish(vectorStoreId, fileId, { status: 'failed', lastError });
    }
  }
}
