import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { EmbeddedPostgresServer } from './embedded-postgres';

/**
 * Which PostgreSQL Poste talks to: `DATABASE_URL`, or an embedded server it starts itself.
 * On shutdown the connection pool is closed before the embedded server stops, so Postgres
 * shuts down cleanly with no client mid-transaction.
 */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger('EmbeddedPostgres');
  private embedded?: EmbeddedPostgresServer;
  private url?: Promise<string>;

  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The URL every client uses (TypeORM, the job queue); the embedded server starts once. */
  connectionUrl(): Promise<string> {
    this.url ??= this.resolveUrl();
    return this.url;
  }

  private async resolveUrl(): Promise<string> {
    const external = this.config.get('DATABASE_URL', { infer: true });
    if (external) {
      return external;
    }
    this.embedded = new EmbeddedPostgresServer({
      dataDir: this.config.get('DATA_DIR', { infer: true }),
      port: this.config.get('EMBEDDED_POSTGRES_PORT', { infer: true }),
      log: (line) => this.logger.debug(line),
    });
    this.logger.log('DATABASE_URL is unset: starting the embedded PostgreSQL server');
    return this.embedded.start();
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) {
      return;
    }
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) {
      await dataSource.destroy();
    }
    await this.embedded.stop();
    this.logger.log('Embedded PostgreSQL server stopped');
  }
}
