import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { OwnedEntity } from '../../database/owned.entity';
import { RunEntity } from '../run.entity';
import { RunError, RunUsage, StepDetails, StepStatus } from '../run.types';

/** One model turn of a run: the message it wrote, or the tool calls it made. */
@Entity('run_steps')
@Index('idx_run_steps_run_seq', ['runId', 'seq'])
export class RunStepEntity extends OwnedEntity {
  @Column({ type: 'varchar', length: 64 })
  runId: string;

  @ManyToOne(() => RunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: RunEntity;

  @Column({ type: 'varchar', length: 64 })
  threadId: string;

  @Column({ type: 'varchar', length: 64 })
  assistantId: string;

  @Column({ type: 'varchar', length: 20 })
  type: StepDetails['type'];

  @Column({ type: 'varchar', length: 16 })
  status: StepStatus;

  @Column({ type: 'jsonb' })
  stepDetails: StepDetails;

  @Column({ type: 'jsonb', nullable: true })
  lastError: RunError | null;

  @Column({ type: 'jsonb', nullable: true })
  usage: RunUsage | null;

  @Column({ type: 'integer', nullable: true })
  completedAt: number | null;

  @Column({ type: 'integer', nullable: true })
  cancelledAt: number | null;

  @Column({ type: 'integer', nullable: true })
  failedAt: number | null;

  @Column({ type: 'integer', nullable: true })
  expiredAt: number | null;

  toObject(options: { includeFileSearchContent?: boolean } = {}) {
    return {
      id: this.id,
      object: 'thread.run.step' as const,
      created_at: this.createdAt,
      run_id: this.runId,
      assistant_id: this.assistantId,
      thread_id: this.threadId,
      type: this.type,
      status: this.status,
      cancelled_at: this.cancelledAt,
      completed_at: this.completedAt,
      expired_at: this.expiredAt,
      failed_at: this.failedAt,
      last_error: this.lastError,
      step_details: onTheWire(this.stepDetails, options.includeFileSearchContent ?? false),
      usage: this.usage,
      metadata: {},
    };
  }
}

/**
 * Step details as OpenAI returned them: server tool calls lose the prompt text kept for the
 * executor, and file_search result content is returned only when asked for with `include[]`.
 */
function onTheWire(details: StepDetails, includeContent: boolean): StepDetails {
  if (details.type !== 'tool_calls') {
    return details;
  }
  return {
    type: 'tool_calls',
    tool_calls: details.tool_calls.map((call) => {
      if (call.type === 'function') {
        return call;
      }
      const results = call.file_search.results?.map(({ content, ...result }) =>
        includeContent ? { ...result, content } : result,
      );
      return { id: call.id, type: call.type, file_search: { ...call.file_search, results } };
    }),
  };
}

export type RunStepObject = ReturnType<RunStepEntity['toObject']>;
