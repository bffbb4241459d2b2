import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { Environment } from './config/environment';

async function bootstrap(): Promise<void> {
  // AppModule.forRoot() validates the environment (and .env). Nest's own logger stays off until
  // the JSON logger takes over, and errors reach the catch below instead of aborting.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  await configureApp(app);
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
}

bootstrap().catch((error: unknown) => {
  // A bad setting is the operator's to fix: one line naming it. Anything else is a bug: the stack.
  const isConfiguration = error instanceof Error && error.message.startsWith('Invalid configuration');
  console.error(isConfiguration ? error.message : error);
  process.exit(1);
});
