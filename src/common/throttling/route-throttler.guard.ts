import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuthenticatedUser } from '../auth/basic.strategy';
import { RateLimited } from '../errors/app-errors';

/**
 * Counts each user's requests per route against the limit of the route's throttle class, and
 * reports it in OpenAI's `x-ratelimit-*-requests` headers (the stock guard names its headers
 * after the throttler and answers a bare 429).
 */
@Injectable()
export class RouteThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const user = (req as { user?: AuthenticatedUser }).user;
    return user?.name ?? String(req.ip);
  }

  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    blockDuration,
    generateKey,
  }: ThrottlerRequest) {
    const http = context.switchToHttp();
    const tracker = await this.getTracker(http.getRequest<Request>() as unknown as Record<string, unknown>);
    const name = throttler.name ?? 'default';
    const record = await this.storageService.increment(
      generateKey(context, tracker, name),
      ttl,
      limit,
      blockDuration,
      name,
    );
    const secondsToReset = record.isBlocked ? record.timeToBlockExpire : record.timeToExpire;
    http
      .getResponse<Response>()
      .setHeader('x-ratelimit-limit-requests', limit)
      .setHeader('x-ratelimit-remaining-requests', Math.max(0, limit - record.totalHits))
      .setHeader('x-ratelimit-reset-requests', `${secondsToReset}s`);
    if (record.isBlocked) {
      throw new RateLimited(
        `Rate limit reached for requests: ${limit} per minute on this route.`,
        Math.max(1, secondsToReset),
      );
    }
    return true;
  }
}
