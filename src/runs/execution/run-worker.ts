import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';
import { JobQueue } from '../../queue/job-queue';
import { RunExecutor } from '../engine/run-executor';
import { RUNS_QUEUE, RunDispatcher } from './run-dispatcher';

/** In `worker` and `all` roles: takes runs from the queue, WORKER_CONCURRENCY at a time. */
@Injectable()
export class RunWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(RunWorker.name);

  constructor(
    private readonly queue: JobQueue,
    private readonly executor: RunExecutor,
    private readonly dispatcher: RunDispatcher,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.createQueue(RUNS_QUEUE);
    if (this.config.get('POSTE_ROLE', { infer: true }) === 'api') {
      return;
    }
    const concurrency = this.config.get('WORKER_CONCURRENCY', { infer: true });
    for (let slot = 0; slot < concurrency; slot++) {
      const workerId = await this.queue.work<{ runId: string }>(
        RUNS_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        ({ runId }) => this.executor.execute(runId),
      );
      this.dispatcher.registerLocalWorker(workerId);
    }
    this.logger.log(`Executing runs with ${concurrency} workers`);
  }
}
