import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FileEntity } from '../../files/file.entity';
import { FileBatchEntity } from '../batches/file-batch.entity';
import { VectorStoreEntity } from '../vector-store.entity';

export type VectorStoreFileStatus = 'in_progress' | 'completed' | 'failed' | 'cancelled';
export type FileAttributes = Record<string, string | number | boolean>;

export interface ChunkingStrategy {
  type: 'static';
  static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number };
}

/**
 * A file in a vector store: its indexing status and its chunks. Deleting the store or the file
 * deletes it (and its chunks): the foreign keys cascade.
 */
@Entity('vector_store_files')
@Index('idx_vector_store_files_store_seq', ['vectorStoreId', 'seq'])
@Index('idx_vector_store_files_batch_seq', ['batchId', 'seq'])
export class VectorStoreFileEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  vectorStoreId: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  fileId: string;

  @ManyToOne(() => VectorStoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vector_store_id' })
  vectorStore?: VectorStoreEntity;

  @ManyToOne(() => FileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: FileEntity;

  /** The batch that attached the file, if one did (`file_batches`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  batchId: string | null;

  @ManyToOne(() => FileBatchEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'batch_id' })
  batch?: FileBatchEntity;

  @Column({ type: 'bigint', select: false, insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column({ type: 'varchar', length: 128 })
  owner: string;

  @Column({ type: 'integer' })
  createdAt: number;

  @Column({ type: 'varchar', length: 16 })
  status: VectorStoreFileStatus;

  @Column({ type: 'jsonb', nullable: true })
  lastError: { code: 'server_error' | 'unsupported_file' | 'invalid_file'; message: string } | null;

  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  usageBytes: number;

  @Column({ type: 'jsonb' })
  chunkingStrategy: ChunkingStrategy;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: FileAttributes;

  toObject() {
    return {
      id: this.fileId,
      object: 'vector_store.file' as const,
      created_at: this.createdAt,
      vector_store_id: this.vectorStoreId,
      status: this.status,
      last_error: this.lastError,
      usage_bytes: this.usageBytes,
      chunking_strategy: this.chunkingStrategy,
      attributes: this.attributes,
    };
  }
}

export type VectorStoreFileObject = ReturnType<VectorStoreFileEntity['toObject']>;
