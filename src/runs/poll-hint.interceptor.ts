import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** How soon an SDK should poll an active run again: soon enough to see it finish promptly. */
export const POLL_AFTER_MS = 100;
const ACTIVE = ['queued', 'in_progress', 'cancelling'];

/**
 * Sets `openai-poll-after-ms` on run retrievals. The Node SDK's createAndPoll sleeps 5 s between
 * polls unless the server says otherwise (SPEC §2).
 */
@Injectable()
export class PollHintInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((run: { status?: string }) => {
        if (run?.status && ACTIVE.includes(run.status)) {
          context.switchToHttp().getResponse<Response>().setHeader('openai-poll-after-ms', String(POLL_AFTER_MS));
        }
        return run;
      }),
    );
  }
}
