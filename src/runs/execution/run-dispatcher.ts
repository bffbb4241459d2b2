import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { JobQueue } from '../../queue/job-queue';
import { RunExecutor } from '../engine/run-executor';

export const RUNS_QUEUE = 'runs';

/**
 * Hands runs to an executor: through the durable queue (any worker process may take it), or —
 * for a streaming request — to this process at once, so the stream sees every event. Either way
 * the run's lease decides who executes it; a run whose executor dies is picked up by the sweeper.
 */
@Injectable()
export class RunDispatcher {
  private readonly logger = new Logger(RunDispatcher.name);
  private readonly localWorkers: string[] = [];
  private next = 0;
  private readonly expireInSeconds: number;

  constructor(
    private readonly queue: JobQueue,
    private readonly executor: RunExecutor,
    config: ConfigService<Environment, true>,
  ) {
    // A job outliving its run is harmless (the lease refuses it); one expiring early is not.
    this.expireInSeconds = config.get('RUN_EXPIRES_AFTER_SECONDS', { infer: true }) + 60;
  }

  async enqueue(runId: string): Promise<void> {
    await this.queue.send(RUNS_QUEUE, { runId }, { expireInSeconds: this.expireInSeconds, retryLimit: 0 });
    if (this.localWorkers.length > 0) {
      this.queue.notify(this.localWorkers[this.next++ % this.localWorkers.length]);
    }
  }

  /** Executes in this process, detached from the request: a client that disconnects does not stop it. */
  runHere(runId: string): Promise<void> {
    return this.executor.execute(runId).catch((error: unknown) => {
      this.logger.error(`Run ${runId}: ${error instanceof Error ? error.stack : String(error)}`);
    });
  }

  registerLocalWorker(workerId: string): void {
    this.localWorkers.push(workerId);
  }
}
