import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { AuthFailureLimiter } from './auth-failure.limiter';
import { IS_PUBLIC_KEY } from './public.decorator';

/** Requires Basic credentials on every route but `@Public()` ones; failures are throttled per client. */
@Injectable()
export class BasicAuthGuard extends AuthGuard('basic') {
  constructor(
    private readonly reflector: Reflector,
    private readonly failures: AuthFailureLimiter,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }
    const client = context.switchToHttp().getRequest<Request>().ip ?? 'unknown';
    this.failures.assertNotBlocked(client);
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (error instanceof UnauthorizedException) {
        await this.failures.recordFailure(client);
      }
      throw error;
    }
  }
}
