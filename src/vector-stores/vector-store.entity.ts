import { Column, Entity, Index } from 'typeorm';
import { Metadata } from '../common/metadata/metadata';
import { OwnedEntity } from '../database/owned.entity';
import { FileCounts, noFiles } from './files/file-counts';

export interface ExpiresAfter {
  anchor: 'last_active_at';
  days: number;
}

const SECONDS_PER_DAY = 86_400;

const NO_FILES = { counts: noFiles(), usageBytes: 0 };

@Entity('vector_stores')
@Index('idx_vector_stores_owner_seq', ['owner', 'seq'])
export class VectorStoreEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 256, default: '' })
  name: string;

  @Column({ type: 'varchar', length: 512, nullable: true })
  description: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Metadata;

  @Column({ type: 'jsonb', nullable: true })
  expiresAfter: ExpiresAfter | null;

  @Column({ type: 'integer' })
  lastActiveAt: number;

  /** Unused: a store's usage is the sum of its files' usage_bytes, computed with its file counts. */
  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (value: number) => value, from: (value: string) => Number(value) },
  })
  usageBytes: number;

  expiresAt(): number | null {
    return this.expiresAfter ? this.lastActiveAt + this.expiresAfter.days * SECONDS_PER_DAY : null;
  }

  isExpired(now: number): boolean {
    const expiresAt = this.expiresAt();
    return expiresAt !== null && expiresAt <= now;
  }

  toObject(now: number, files: { counts: FileCounts; usageBytes: number } = NO_FILES) {
    return {
      id: this.id,
      object: 'vector_store' as const,
      created_at: this.createdAt,
      name: this.name,
      description: this.description,
      metadata: this.metadata,
      status: this.isExpired(now) ? 'expired' : files.counts.in_progress > 0 ? 'in_progress' : 'completed',
      usage_bytes: files.usageBytes,
      file_counts: files.counts,
      last_active_at: this.lastActiveAt,
      expires_after: this.expiresAfter,
      expires_at: this.expiresAt(),
    };
  }
}

export type VectorStoreObject = ReturnType<VectorStoreEntity['toObject']>;
