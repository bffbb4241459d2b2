import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerStorage } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { RateLimited } from '../errors/app-errors';

const WINDOW_MS = 60_000;

/**
 * Throttles repeated Basic-auth failures per client address, in the throttler's storage (Redis
 * when configured, so the count holds across instances). Once blocked, a client gets 429 for the
 * rest of the window even with right credentials, so guessing cannot continue in the meantime.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly limit: number;
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: ThrottlerStorage,
    config: ConfigService<Environment, true>,
  ) {
    this.limit = config.get('RATE_LIMIT_AUTH_FAILURES', { infer: true });
  }

  assertNotBlocked(client: string): void {
    const until = this.blockedUntil.get(client);
    if (until === undefined) {
      return;
    }
    if (until <= Date.now()) {
      this.blockedUntil.delete(client);
      return;
    }
    throw this.tooManyFailures(Math.ceil((until - Date.now()) / 1000));
  }

  async recordFailure(client: string): Promise<void> {
    if (this.limit === 0) {
      return;
    }
    const record = await this.storage.increment(`auth-failures:${client}`, WINDOW_MS, this.limit, WINDOW_MS, 'auth');
    if (record.isBlocked) {
      this.blockedUntil.set(client, Date.now() + record.timeToBlockExpire * 1000);
      throw this.tooManyFailures(record.timeToBlockExpire);
    }
  }

  private tooManyFailures(retryAfterSeconds: number): RateLimited {
    return new RateLimited('Too many failed authentication attempts from this client.', Math.max(1, retryAfterSeconds));
  }
}
