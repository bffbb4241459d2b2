import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Environment } from './config/environment';
import { mountSwagger } from './swagger';

export const API_PREFIX = 'api/ai';

/** Everything that makes the app the production app; shared by `main.ts` and the e2e tests. */
export async function configureApp(app: NestExpressApplication): Promise<NestExpressApplication> {
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  // `metadata[key]=value` and `include[]=…` need bracket parsing (Express 5 defaults to flat).
  app.set('query parser', 'extended');
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy(config.get('TRUST_PROXY', { infer: true })));
  app.useBodyParser('json', { limit: config.get('JSON_BODY_MAX_BYTES', { infer: true }) });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['api/health', 'api/health/ready'] });
  app.enableShutdownHooks();
  await mountSwagger(app);
  return app;
}

/** `TRUST_PROXY` as Express expects it: a boolean, a hop count, or addresses. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') {
    return false;
  }
  if (value === 'true') {
    return true;
  }
  return /^\d+$/.test(value) ? Number(value) : value;
}
