import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/owned.entity';
import { FileCounts, noFiles } from '../files/file-counts';
import { VectorStoreEntity } from '../vector-store.entity';

export type FileBatchStatus = 'in_progress' | 'completed' | 'cancelled' | 'failed';

/**
 * Files attached to a store in one request. Its status and counts are its files' (they carry
 * `batch_id`), so they can never disagree; only a cancellation is stored on the batch itself.
 */
@Entity('vector_store_file_batches')
@Index('idx_vector_store_file_batches_store', ['vectorStoreId'])
export class FileBatchEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  vectorStoreId: string;

  @ManyToOne(() => VectorStoreEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vector_store_id' })
  vectorStore?: VectorStoreEntity;

  @Column({ type: 'integer', nullable: true })
  cancelledAt: number | null;

  status(counts: FileCounts): FileBatchStatus {
    if (this.cancelledAt !== null) {
      return 'cancelled';
    }
    if (counts.in_progress > 0) {
      return 'in_progress';
    }
    return counts.total > 0 && counts.failed === counts.total ? 'failed' : 'completed';
  }

  toObject(counts: FileCounts = noFiles()) {
    return {
      id: this.id,
      object: 'vector_store.files_batch' as const,
      created_at: this.createdAt,
      vector_store_id: this.vectorStoreId,
      status: this.status(counts),
      file_counts: counts,
    };
  }
}

export type FileBatchObject = ReturnType<FileBatchEntity['toObject']>;
