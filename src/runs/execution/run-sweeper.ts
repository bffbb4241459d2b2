import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { nowSeconds } from '../../common/ids/ids';
import { Environment } from '../../config/environment';
import { RunLifecycle } from '../engine/run-lifecycle';
import { RunsRepository } from '../runs.repository';
import { RunDispatcher } from './run-dispatcher';

/**
 * Keeps runs moving when nobody else will: expires runs past `expires_at` (also those waiting
 * for tool outputs), and hands runs whose executor stopped heartbeating (a killed worker) back
 * to the queue. Safe to run in every worker: each action is a conditional update or a claim.
 */
@Injectable()
export class RunSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RunSweeper.name);
  private timer?: NodeJS.Timeout;
  private readonly leaseSeconds: number;
  private readonly queuedGraceSeconds: number;

  constructor(
    private readonly runs: RunsRepository,
    private readonly lifecycle: RunLifecycle,
    private readonly dispatcher: RunDispatcher,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.leaseSeconds = config.get('RUN_LEASE_SECONDS', { infer: true });
    // A queued run normally waits only for a free worker; a duplicate job is harmless (the lease
    // refuses it) but wasteful, so only runs queued this long count as lost.
    this.queuedGraceSeconds = Math.max(60, 4 * this.leaseSeconds);
  }

  onApplicationBootstrap(): void {
    if (this.config.get('POSTE_ROLE', { infer: true }) === 'api') {
      return;
    }
    // A third of the lease: a dead worker's run moves on within about 1.3 leases.
    this.timer = setInterval(() => void this.sweep(), (this.leaseSeconds * 1000) / 3);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      for (const runId of await this.runs.overdue(nowSeconds(), this.leaseSeconds)) {
        await this.lifecycle.expire(runId);
      }
      for (const { id, status } of await this.runs.orphaned(this.leaseSeconds, this.queuedGraceSeconds)) {
        this.logger.warn(
          status === 'queued'
            ? `Run ${id} waited over ${this.queuedGraceSeconds} s in the queue; queueing it again`
            : `Run ${id} lost its executor; queueing it again`,
        );
        await this.dispatcher.enqueue(id);
      }
    } catch (error) {
      this.logger.error(`Sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
