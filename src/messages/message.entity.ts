import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Metadata } from '../common/metadata/metadata';
import { OwnedEntity } from '../database/owned.entity';
import { ThreadEntity } from '../threads/thread.entity';
import { MessageAttachment, MessageContent } from './dto/message-shapes';

export type MessageRole = 'user' | 'assistant';
export type MessageStatus = 'in_progress' | 'incomplete' | 'completed';

@Entity('messages')
@Index('idx_messages_thread_seq', ['threadId', 'seq'])
export class MessageEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  threadId: string;

  /** Deleting a thread deletes its messages (the foreign key cascades). */
  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'thread_id' })
  thread?: ThreadEntity;

  @Column({ type: 'varchar', length: 16 })
  role: MessageRole;

  @Column({ type: 'jsonb' })
  content: MessageContent[];

  @Column({ type: 'jsonb', nullable: true })
  attachments: MessageAttachment[] | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Metadata;

  @Column({ type: 'varchar', length: 16, default: 'completed' })
  status: MessageStatus;

  @Column({ type: 'varchar', length: 64, nullable: true })
  assistantId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  runId: string | null;

  @Column({ type: 'integer', nullable: true })
  completedAt: number | null;

  toObject() {
    return {
      id: this.id,
      object: 'thread.message' as const,
      created_at: this.createdAt,
      thread_id: this.threadId,
      status: this.status,
      incomplete_details: null,
      completed_at: this.completedAt,
      incomplete_at: null,
      role: this.role,
      content: this.content,
      assistant_id: this.assistantId,
      run_id: this.runId,
      attachments: this.attachments ?? [],
      metadata: this.metadata,
    };
  }
}

export type MessageObject = ReturnType<MessageEntity['toObject']>;
