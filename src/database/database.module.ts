import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { DatabaseServer } from './database-server';
import { typeormOptions } from './typeorm-options';

@Module({
  providers: [DatabaseServer],
  exports: [DatabaseServer],
})
export class DatabaseServerModule {}

/** PostgreSQL through TypeORM; pending migrations run at start. */
@Module({
  imports: [
    DatabaseServerModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [ConfigService, DatabaseServer],
      useFactory: async (config: ConfigService<Environment, true>, server: DatabaseServer) => ({
        ...typeormOptions(await server.connectionUrl(), config.get('DATABASE_POOL_SIZE', { infer: true })),
        migrationsRun: true,
      }),
    }),
  ],
  exports: [DatabaseServerModule],
})
export class DatabaseModule {}
