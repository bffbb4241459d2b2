import { Column, Entity, Index } from 'typeorm';
import { ToolResources } from '../assistants/dto/assistant-shapes';
import { Metadata } from '../common/metadata/metadata';
import { OwnedEntity } from '../database/owned.entity';

@Entity('threads')
@Index('idx_threads_owner_seq', ['owner', 'seq'])
// `metadata[key]=value` filters use `@>`; the GIN index (jsonb_path_ops) is created by the migration.
@Index('idx_threads_metadata', { synchronize: false })
export class ThreadEntity extends OwnedEntity {
  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Metadata;

  @Column({ type: 'jsonb', nullable: true })
  toolResources: ToolResources | null;

  toObject() {
    return {
      id: this.id,
      object: 'thread' as const,
      created_at: this.createdAt,
      metadata: this.metadata,
      tool_resources: this.toolResources ?? {},
    };
  }
}

export type ThreadObject = ReturnType<ThreadEntity['toObject']>;
