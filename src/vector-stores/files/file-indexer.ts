import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { FilesService } from '../../files/files.service';
import { JobQueue } from '../../queue/job-queue';
import { chunkText } from '../../retrieval/chunking';
import { ChunkEmbeddings } from '../../retrieval/embeddings/chunk-embeddings';
import { ExtractionError, extractText } from '../../retrieval/extraction';
import { FILE_INDEXING_DEAD_LETTER, FILE_INDEXING_QUEUE, FileIndexingJob } from './file-indexing.queue';
import { VectorStoreFilesRepository } from './vector-store-files.repository';

/**
 * Indexes files attached to vector stores, from the durable queue: extract the text, chunk it,
 * embed the chunks when hybrid search is on, then store them and mark the file `completed` in
 * one transaction (or `failed` with
 * `last_error`). A worker that dies mid-file lets the job expire and pg-boss retries it; when
 * every attempt died, the dead-letter worker fails the file, so none stays `in_progress`.
 */
@Injectable()
export class FileIndexer implements OnApplicationBootstrap {
  private readonly logger = new Logger(FileIndexer.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly files: VectorStoreFilesRepository,
    private readonly uploads: FilesService,
    private readonly embeddings: ChunkEmbeddings,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.createQueue(FILE_INDEXING_DEAD_LETTER);
    await this.queue.createQueue(FILE_INDEXING_QUEUE);
    if (this.config.get('POSTE_ROLE', { infer: true }) === 'api') {
      return;
    }
    const options = { batchSize: 1, pollingIntervalSeconds: 0.5 };
    // Several files at once: while PostgreSQL indexes one file's chunks, Node extracts the next.
    for (let slot = 0; slot < this.config.get('INDEXING_CONCURRENCY', { infer: true }); slot++) {
      await this.queue.work<FileIndexingJob>(FILE_INDEXING_QUEUE, options, (job) => this.index(job));
    }
    await this.queue.work<FileIndexingJob>(FILE_INDEXING_DEAD_LETTER, options, ({ vectorStoreId, fileId }) =>
      this.files.fail(vectorStoreId, fileId, {
        code: 'server_error',
        message: 'Indexing failed on every attempt (a worker stopped, or a server error); add the file again to retry.',
      }),
    );
  }

  async index({ vectorStoreId, fileId }: FileIndexingJob): Promise<void> {
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
      // Embedded before the transaction: the endpoint's latency must not hold row locks.
      const vectors = this.embeddings.enabled ? await this.embeddings.embed(chunks.map((chunk) => chunk.content)) : [];
      // The text stored, counted once: overlapping chunks repeat much of it.
      await this.files.completeIndexing(entry, chunks, Buffer.byteLength(text), (manager, chunkIds) =>
        this.embeddings.store(manager, chunkIds, vectors),
      );
    } catch (error) {
      if (!(error instanceof ExtractionError)) {
        // Unexpected (the database, the disk): logged, and the queue retries the job.
        this.logger.error(`Indexing ${fileId} into ${vectorStoreId}: ${error instanceof Error ? error.stack : error}`);
        throw error;
      }
      await this.files.fail(vectorStoreId, fileId, { code: error.code, message: error.message });
    }
  }
}
