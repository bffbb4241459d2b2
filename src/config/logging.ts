import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { Environment } from './environment';

/**
 * Structured JSON logs with a request id (taken from `x-request-id` when a proxy sets one).
 * Credentials are redacted and bodies are never logged.
 */
export function loggingOptions(config: ConfigService<Environment, true>): Params {
  const level = config.get('LOG_LEVEL', { infer: true });
  return {
    pinoHttp: {
      level,
      // The per-request line is logged at info: above that level, skip its work entirely.
      autoLogging: ['trace', 'debug', 'info'].includes(level),
      genReqId: (req: IncomingMessage) => {
        const given = req.headers['x-request-id'];
        return typeof given === 'string' && given.length <= 128 ? given : randomUUID();
      },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      },
    },
  };
}
