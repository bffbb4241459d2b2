import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../config/environment';
import { DatabaseServer } from '../database/database-server';

const DEADLOCK_DETECTED = '40P01';
const QUEUE_CREATION_ATTEMPTS = 5;

/**
 * The durable job queue: pg-boss on the same PostgreSQL (its own `pgboss` schema), so queued
 * work survives restarts and needs no other service. pg-boss 10 is its last major for Node 20.
 */
@Injectable()
export class JobQueue implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private boss?: PgBoss;
  private creations: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: DatabaseServer,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onModuleInit(): Promise<void> {
    this.boss = new PgBoss({
      connectionString: await this.database.connectionUrl(),
      schema: 'pgboss',
      max: 4,
      maintenanceIntervalSeconds: this.config.get('QUEUE_MAINTENANCE_SECONDS', { infer: true }),
    });
    this.boss.on('error', (error) => this.logger.error(`Job queue: ${error.message}`));
    await this.boss.start();
  }

  /**
   * Creates a queue if it does not exist. pg-boss takes table locks to do so, and processes
   * starting together can deadlock each other: creations are serialised within the process,
   * and a deadlock victim tries again.
   */
  createQueue(name: string): Promise<void> {
    const created = this.creations.then(() => this.createQueueRetrying(name));
    this.creations = created.catch(() => undefined);
    return created;
  }

  private async createQueueRetrying(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.started().createQueue(name);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt === QUEUE_CREATION_ATTEMPTS) {
          throw error;
        }
        await sleep(50 * attempt + Math.random() * 100);
      }
    }
  }

  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    await this.started().send(name, data, options);
  }

  /** Queues many jobs in one statement. */
  async sendMany<T extends object>(name: string, data: T[], options: Omit<PgBoss.JobInsert, 'name' | 'data'> = {}) {
    await this.started().insert(data.map((item) => ({ ...options, name, data: item })));
  }

  /**
   * Runs `handler` for each job of the queue, one at a time (pg-boss 10 runs one job per `work`
   * loop: concurrency is the number of loops). Answers the loop's id.
   */
  async work<T extends object>(
    name: string,
    options: PgBoss.WorkOptions,
    handler: (data: T) => Promise<void>,
  ): Promise<string> {
    let workerId = '';
    workerId = await this.started().work<T>(name, options, async ([job]) => {
      await handler(job.data);
      // pg-boss sleeps out its polling interval after each job unless woken: wake the loop so a
      // backlog drains at once (an empty fetch then sleeps as usual).
      this.boss?.notifyWorker(workerId);
    });
    return workerId;
  }

  /** Wakes a local worker now instead of at its next poll. */
  notify(workerId: string): void {
    this.boss?.notifyWorker(workerId);
  }

  isRunning(): boolean {
    return this.boss !== undefined;
  }

  /** Before the database closes: stop fetching and let in-flight handlers finish briefly. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
  }

  private started(): PgBoss {
    if (!this.boss) {
      throw new Error('The job queue is not started');
    }
    return this.boss;
  }
}
