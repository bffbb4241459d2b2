import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { AssistantTool, ResponseFormat } from '../assistants/dto/assistant-shapes';
import { Metadata } from '../common/metadata/metadata';
import { OwnedEntity } from '../database/owned.entity';
import { ThreadEntity } from '../threads/thread.entity';
import { RequiredAction, RunError, RunStatus, RunUsage, ToolChoice, TruncationStrategy } from './run.types';

/** Statuses in which a run holds its thread (SPEC §4: one active run per thread). */
export const ACTIVE_RUN_STATUSES: RunStatus[] = ['queued', 'in_progress', 'requires_action', 'cancelling'];
export const TERMINAL_RUN_STATUSES: RunStatus[] = ['completed', 'incomplete', 'failed', 'cancelled', 'expired'];

@Entity('runs')
@Index('idx_runs_thread_seq', ['threadId', 'seq'])
// At most one active run per thread: a partial unique index (created by the migration) makes
// concurrent creates race-proof in the database itself.
@Index('uq_runs_one_active_per_thread', { synchronize: false })
@Index('idx_runs_lease', { synchronize: false })
export class RunEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  threadId: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: ThreadEntity;

  @Column({ type: 'varchar', length: 64 })
  assistantId: string;

  @Column({ type: 'varchar', length: 16 })
  status: RunStatus;

  @Column({ type: 'varchar', length: 256 })
  model: string;

  @Column({ type: 'text', default: '' })
  instructions: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  tools: AssistantTool[];

  /** The vector stores file_search may read: the assistant's and the thread's, fixed at creation. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  vectorStoreIds: string[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  metadata: Metadata;

  @Column({ type: 'double precision', nullable: true })
  temperature: number | null;

  @Column({ type: 'double precision', nullable: true })
  topP: number | null;

  @Column({ type: 'jsonb', nullable: true })
  responseFormat: ResponseFormat | null;

  @Column({ type: 'jsonb', nullable: true })
  toolChoice: ToolChoice | null;

  @Column({ type: 'boolean', default: true })
  parallelToolCalls: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  reasoningEffort: string | null;

  @Column({ type: 'integer', nullable: true })
  maxPromptTokens: number | null;

  @Column({ type: 'integer', nullable: true })
  maxCompletionTokens: number | null;

  @Column({ type: 'jsonb', nullable: true })
  truncationStrategy: TruncationStrategy | null;

  @Column({ type: 'jsonb', nullable: true })
  requiredAction: RequiredAction | null;

  @Column({ type: 'jsonb', nullable: true })
  lastError: RunError | null;

  @Column({ type: 'jsonb', nullable: true })
  incompleteDetails: { reason: 'max_prompt_tokens' | 'max_completion_tokens' } | null;

  @Column({ type: 'jsonb', nullable: true })
  usage: RunUsage | null;

  @Column({ type: 'integer', nullable: true })
  expiresAt: number | null;

  @Column({ type: 'integer', nullable: true })
  startedAt: number | null;

  @Column({ type: 'integer', nullable: true })
  cancelledAt: number | null;

  @Column({ type: 'integer', nullable: true })
  failedAt: number | null;

  @Column({ type: 'integer', nullable: true })
  completedAt: number | null;

  /** The executor holding the run, and when it last proved alive: a stale lease is a dead worker. */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  workerId: string | null;

  @Column({ type: 'timestamptz', nullable: true, select: false })
  heartbeatAt: Date | null;

  toObject() {
    return {
      id: this.id,
      object: 'thread.run' as const,
      created_at: this.createdAt,
      thread_id: this.threadId,
      assistant_id: this.assistantId,
      status: this.status,
      required_action: this.requiredAction,
      last_error: this.lastError,
      expires_at: this.expiresAt,
      started_at: this.startedAt,
      cancelled_at: this.cancelledAt,
      failed_at: this.failedAt,
      completed_at: this.completedAt,
      incomplete_details: this.incompleteDetails,
      model: this.model,
      instructions: this.instructions,
      tools: this.tools,
      metadata: this.metadata,
      usage: this.usage,
      temperature: this.temperature,
      top_p: this.topP,
      max_prompt_tokens: this.maxPromptTokens,
      max_completion_tokens: this.maxCompletionTokens,
      truncation_strategy: this.truncationStrategy ?? { type: 'auto', last_messages: null },
      response_format: this.responseFormat ?? 'auto',
      tool_choice: this.toolChoice ?? 'auto',
      parallel_tool_calls: this.parallelToolCalls,
      reasoning_effort: this.reasoningEffort,
    };
  }

  isActive(): boolean {
    return ACTIVE_RUN_STATUSES.includes(this.status);
  }
}

export type RunObject = ReturnType<RunEntity['toObject']>;
