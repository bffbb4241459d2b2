import { Injectable } from '@nestjs/common';
import { nowSeconds } from '../../common/ids/ids';
import { RunEntity } from '../run.entity';
import { RequiredAction, RunError, RunStatus, RunUsage } from '../run.types';
import { RunsRepository } from '../runs.repository';
import { RunEvents } from './run-events';

const RUNNING: RunStatus[] = ['queued', 'in_progress'];

/**
 * The run state machine of SPEC §4. Every transition is a conditional update (so concurrent
 * actors cannot both win) followed by its stream event. Callers get the new run, or null when
 * the run had already moved on.
 */
@Injectable()
export class RunLifecycle {
  constructor(
    private readonly runs: RunsRepository,
    private readonly events: RunEvents,
  ) {}

  start(run: RunEntity): Promise<RunEntity | null> {
    return this.move(run.id, ['queued'], { status: 'in_progress', startedAt: run.startedAt ?? nowSeconds() });
  }

  requireAction(run: RunEntity, requiredAction: RequiredAction, usage: RunUsage | null): Promise<RunEntity | null> {
    return this.move(run.id, ['in_progress'], { status: 'requires_action', requiredAction, usage });
  }

  /** After tool outputs arrive: back in the queue, as OpenAI did. */
  resume(run: RunEntity): Promise<RunEntity | null> {
    return this.move(run.id, ['requires_action'], { status: 'queued', requiredAction: null });
  }

  complete(run: RunEntity, usage: RunUsage | null): Promise<RunEntity | null> {
    return this.move(run.id, RUNNING, { status: 'completed', completedAt: nowSeconds(), usage });
  }

  incomplete(run: RunEntity, reason: 'max_prompt_tokens' | 'max_completion_tokens', usage: RunUsage | null) {
    return this.move(run.id, RUNNING, {
      status: 'incomplete',
      incompleteDetails: { reason },
      completedAt: nowSeconds(),
      usage,
    });
  }

  fail(run: RunEntity, lastError: RunError, usage: RunUsage | null): Promise<RunEntity | null> {
    return this.move(run.id, [...RUNNING, 'cancelling'], {
      status: 'failed',
      lastError,
      failedAt: nowSeconds(),
      usage,
    });
  }

  /** Queued or waiting runs stop at once; a run in flight is asked to stop (`cancelling`). */
  async cancel(run: RunEntity): Promise<RunEntity | null> {
    const stopped = await this.move(run.id, ['queued', 'requires_action'], {
      status: 'cancelled',
      cancelledAt: nowSeconds(),
      requiredAction: null,
    });
    return stopped ?? this.move(run.id, ['in_progress'], { status: 'cancelling' });
  }

  /** The executor saw `cancelling` and stopped the model call. */
  cancelled(run: RunEntity, usage: RunUsage | null): Promise<RunEntity | null> {
    return this.move(run.id, ['cancelling', ...RUNNING], { status: 'cancelled', cancelledAt: nowSeconds(), usage });
  }

  expire(runId: string): Promise<RunEntity | null> {
    return this.move(runId, ['queued', 'in_progress', 'requires_action', 'cancelling'], {
      status: 'expired',
      requiredAction: null,
    });
  }

  private async move(runId: string, from: RunStatus[], patch: Partial<RunEntity>): Promise<RunEntity | null> {
    const run = await this.runs.transition(runId, from, patch);
    if (run) {
      this.events.publish(run.id, `thread.run.${run.status}`, run.toObject());
    }
    return run;
  }
}
