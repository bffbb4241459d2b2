import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { Environment } from '../../config/environment';
import { limitsFrom, throttleClassOf } from './throttle-class';

const MINUTE_MS = 60_000;

/**
 * One throttler whose limit is the route's class limit. Counters live in Redis when `REDIS_URL`
 * is set, so limits hold across instances; in memory otherwise.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Environment, true>) => {
        const limits = limitsFrom(config);
        const redisUrl = config.get('REDIS_URL', { infer: true });
        return {
          throttlers: [
            {
              name: 'requests',
              ttl: MINUTE_MS,
              limit: (context) => limits[throttleClassOf(context) ?? 'read'],
            },
          ],
          skipIf: (context) => {
            const throttleClass = throttleClassOf(context);
            return throttleClass === undefined || limits[throttleClass] === 0;
          },
          storage: redisUrl ? new ThrottlerStorageRedisService(redisUrl) : undefined,
        };
      },
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
