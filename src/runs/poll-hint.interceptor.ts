import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

const ACTIVE = ['queued', 'in_progress', 'cancelling'];

/**
 * How soon an SDK should poll an active run again: 50 ms while the run is young (most runs end
 * within a second, and the caller sees it at once), then slower as it ages, up to SPEC §2's 1 s,
 * so a long run is not polled at the route's rate limit.
 */
export function pollAfterMs(run: { created_at: number; started_at?: number | null }, nowSeconds: number): number {
  const ageSeconds = Math.max(0, nowSeconds - (run.started_at ?? run.created_at));
  return Math.min(1000, 50 + 250 * ageSeconds);
}

/**
 * Sets `openai-poll-after-ms` on run retrievals. The Node SDK's createAndPoll sleeps 5 s between
 * polls unless the server says otherwise (SPEC §2).
 */
@Injectable()
export class PollHintInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((run: { status?: string; created_at: number; started_at?: number | null }) => {
        if (run?.status && ACTIVE.includes(run.status)) {
          const hint = pollAfterMs(run, Math.floor(Date.now() / 1000));
          context.switchToHttp().getResponse<Response>().setHeader('openai-poll-after-ms', String(hint));
        }
        return run;
      }),
    );
  }
}
