import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueue } from '../queue/job-queue';

@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly queue: JobQueue,
    private readonly indicator: HealthIndicatorService,
  ) {}

  isRunning(key: string) {
    const check = this.indicator.check(key);
    return this.queue.isRunning() ? check.up() : check.down({ message: 'job queue not started' });
  }
}
