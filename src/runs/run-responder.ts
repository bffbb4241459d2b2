import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { RunEvents, RunEvent } from './engine/run-events';
import { DONE_FRAME, encodeEvent, STREAM_END_EVENTS } from './engine/sse';
import { RunDispatcher } from './execution/run-dispatcher';
import { RunsRepository } from './runs.repository';
import { StartedRun } from './runs.service';

/**
 * Answers a started run: the run object, or — with `stream: true` — OpenAI's server-sent events
 * as the run produces them, then `done`. The run executes in this process, detached from the
 * response: a client that goes away stops its stream, not its run.
 */
@Injectable()
export class RunResponder {
  constructor(
    private readonly events: RunEvents,
    private readonly dispatcher: RunDispatcher,
    private readonly runs: RunsRepository,
  ) {}

  async respond(res: Response, started: StartedRun): Promise<void> {
    if (!started.stream) {
      res.status(200).json(started.run.toObject());
      return;
    }
    res.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.flushHeaders();
    const write = (event: RunEvent) => res.writableEnded || res.write(encodeEvent(event));
    if (started.thread) {
      write({ event: 'thread.created', data: started.thread });
    }
    const run = started.run.toObject();
    if (run.status === 'queued' && !started.run.startedAt) {
      write({ event: 'thread.run.created', data: run });
    }
    write({ event: 'thread.run.queued', data: run });

    const ended = new Promise<void>((resolve) => {
      const unsubscribe = this.events.subscribe(started.run.id, (event) => {
        write(event);
        if (STREAM_END_EVENTS.has(event.event)) {
          unsubscribe();
          resolve();
        }
      });
      res.on('close', () => {
        unsubscribe();
        resolve();
      });
      void this.dispatcher.runHere(started.run.id).then(() => this.endIfSilent(started.run.id, write, resolve));
    });
    await ended;
    if (!res.writableEnded) {
      res.end(DONE_FRAME);
    }
  }

  /** If the run stopped without this process seeing it (another executor held it), say how it ended. */
  private async endIfSilent(runId: string, write: (event: RunEvent) => unknown, resolve: () => void): Promise<void> {
    const run = await this.runs.findById(runId).catch(() => null);
    if (run && !run.isActive()) {
      write({ event: `thread.run.${run.status}`, data: run.toObject() });
    }
    if (run && run.status === 'requires_action') {
      write({ event: 'thread.run.requires_action', data: run.toObject() });
    }
    resolve();
  }
}
