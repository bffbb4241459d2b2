import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../../src/database/typeorm-options';
import { freePort } from '../support/free-port';
import { TEMPLATE_DATABASE, withDatabase } from '../support/test-database';

/**
 * Starts a real PostgreSQL (the embedded server's binaries, unless TEST_POSTGRES_URL names a
 * server), migrates a template database once, and leaves the server's URL for the test files,
 * which each clone the template into a database of their own.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_POSTGRES_URL ??= await startPostgres();
  const serverUrl = process.env.TEST_POSTGRES_URL;

  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const dataSource = new DataSource(typeormOptions(withDatabase(serverUrl, TEMPLATE_DATABASE), 1));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}

async function startPostgres(): Promise<string> {
  const parent = mkdtempSync(join(tmpdir(), 'poste-test-pg-'));
  // As root, Postgres runs as the `postgres` user, which must be able to enter the directory.
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'cluster');
  const child = spawn(process.execPath, [join(__dirname, 'postgres-process.cjs'), dataDir, String(await freePort())], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  (globalThis as { __posteTestPostgres?: ChildProcess }).__posteTestPostgres = child;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`test PostgreSQL exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready) {
        resolve(ready[1]);
      }
    });
  });
}
