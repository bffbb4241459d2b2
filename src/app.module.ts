import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { LoggerModule } from 'nestjs-pino';
import { AssistantsModule } from './assistants/assistants.module';
import { AuthModule } from './common/auth/auth.module';
import { BasicAuthGuard } from './common/auth/basic-auth.guard';
import { OpenAIExceptionFilter } from './common/errors/openai-exception.filter';
import { createValidationPipe } from './common/errors/validation';
import { RouteThrottlerGuard } from './common/throttling/route-throttler.guard';
import { ThrottlingModule } from './common/throttling/throttling.module';
import { validateEnvironment } from './config/environment';
import { loggingOptions } from './config/logging';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { MessagesModule } from './messages/messages.module';
import { RunsModule } from './runs/runs.module';
import { ThreadsModule } from './threads/threads.module';
import { VectorStoresModule } from './vector-stores/vector-stores.module';

/**
 * The application. Built by `forRoot()` so the environment is validated when the app is
 * created, not when this file is imported (tests create apps with different environments).
 */
@Module({})
export class AppModule {
  static forRoot(): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, validate: validateEnvironment }),
        LoggerModule.forRootAsync({ inject: [ConfigService], useFactory: loggingOptions }),
        EventEmitterModule.forRoot(),
        DatabaseModule,
        AuthModule,
        ThrottlingModule,
        HealthModule,
        AssistantsModule,
        // Before ThreadsModule: `POST /threads/runs` must be matched before `POST /threads/:thread_id`.
        RunsModule,
        ThreadsModule,
        MessagesModule,
        FilesModule,
        VectorStoresModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: OpenAIExceptionFilter },
        // Order matters: authenticate first, so throttling counts per user.
        { provide: APP_GUARD, useClass: BasicAuthGuard },
        { provide: APP_GUARD, useClass: RouteThrottlerGuard },
      ],
    };
  }
}
