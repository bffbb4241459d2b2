import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { QueueModule } from '../queue/queue.module';
import { MigrationsHealthIndicator } from './migrations.health';
import { QueueHealthIndicator } from './queue.health';

@Module({
  imports: [TerminusModule, QueueModule],
  controllers: [HealthController],
  providers: [MigrationsHealthIndicator, QueueHealthIndicator],
})
export class HealthModule {}
