import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';

/** One Assistants stream event (SPEC §4): its name and its `data` object. */
export interface RunEvent {
  event: string;
  data: unknown;
}

/**
 * In-process fan-out of a run's events to the streams that watch it. The executor publishes as
 * things happen; a stream subscribes before the run starts, so it misses nothing.
 */
@Injectable()
export class RunEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(runId: string, event: string, data: unknown): void {
    this.emitter.emit(runId, { event, data } satisfies RunEvent);
  }

  subscribe(runId: string, listener: (event: RunEvent) => void): () => void {
    this.emitter.on(runId, listener);
    return () => this.emitter.off(runId, listener);
  }

  /** Moves a subscription when a stream follows the run of a thread it created. */
  hasListeners(runId: string): boolean {
    return this.emitter.listenerCount(runId) > 0;
  }
}
