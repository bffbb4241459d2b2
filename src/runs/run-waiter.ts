import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunEvents } from './engine/run-events';
import { STREAM_END_EVENTS } from './engine/sse';
import { RunEntity } from './run.entity';
import { RunsRepository } from './runs.repository';

const POLL_MS = 200;

/**
 * Waits until a run stops (terminal or `requires_action`) or time runs out. Events from this
 * process wake it at once; the database is polled too, for runs executing in another process.
 */
@Injectable()
export class RunWaiter {
  constructor(
    private readonly runs: RunsRepository,
    private readonly events: RunEvents,
  ) {}

  async until(runId: string, timeoutSeconds: number): Promise<RunEntity> {
    const deadline = Date.now() + timeoutSeconds * 1000;
    let wake: () => void = () => undefined;
    // Only the events that stop a run are worth a look at the database.
    const unsubscribe = this.events.subscribe(runId, ({ event }) => STREAM_END_EVENTS.has(event) && wake());
    try {
      for (;;) {
        const run = await this.runs.findById(runId);
        if (!run || !run.isActive() || run.status === 'requires_action' || Date.now() >= deadline) {
          return run as RunEntity;
        }
        await Promise.race([
          new Promise<void>((resolve) => (wake = resolve)),
          sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now()))),
        ]);
      }
    } finally {
      unsubscribe();
    }
  }
}
