import { ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from '../../config/environment';

/** The throttle classes of SPEC §3: each route belongs to one; limits are per user, route and minute. */
export type ThrottleClass = 'read' | 'poll' | 'write' | 'run' | 'upload';

export const THROTTLE_CLASS_KEY = 'poste:throttle-class';

export type ThrottleLimits = Record<ThrottleClass, number>;

export function limitsFrom(config: ConfigService<Environment, true>): ThrottleLimits {
  return {
    read: config.get('RATE_LIMIT_READ', { infer: true }),
    poll: config.get('RATE_LIMIT_POLL', { infer: true }),
    write: config.get('RATE_LIMIT_WRITE', { infer: true }),
    run: config.get('RATE_LIMIT_RUN', { infer: true }),
    upload: config.get('RATE_LIMIT_UPLOAD', { infer: true }),
  };
}

/** The class set by `@ApiRoute({ throttle })` on the handler; undefined for public routes. */
export function throttleClassOf(context: ExecutionContext): ThrottleClass | undefined {
  return Reflect.getMetadata(THROTTLE_CLASS_KEY, context.getHandler()) as ThrottleClass | undefined;
}
