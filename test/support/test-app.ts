import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { API_PREFIX, configureApp } from '../../src/app.setup';
import { createTestDatabase } from './test-database';
import { authUsersSetting, basicAuth, UserName } from './users';

export interface TestApp {
  /** Base URL of the API, e.g. http://127.0.0.1:40123/api/ai */
  baseURL: string;
  /** Root URL of the server (health, docs). */
  rootURL: string;
  http: () => ReturnType<typeof request>;
  sdk: (user: UserName) => OpenAI;
  /** Reads the database directly, to assert what was (not) written. */
  sql: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * Starts the production app (same module, same setup as main.ts) on a fresh database cloned
 * from the migrated template, listening on a random local port.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  // DATABASE_URL: '' runs the embedded server; another URL uses that database as it is.
  const database = env.DATABASE_URL !== undefined ? null : await createTestDatabase();
  const sqlUrl = env.DATABASE_URL || database?.url;
  const dataDir = mkdtempSync(join(tmpdir(), 'poste-test-data-'));
  // The embedded server runs as the `postgres` user when we are root: it must reach DATA_DIR.
  chmodSync(dataDir, 0o755);
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: database?.url ?? '',
    AUTH_USERS: await authUsersSetting(),
    DATA_DIR: dataDir,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot()] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  const rootURL = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const baseURL = `${rootURL}/${API_PREFIX}`;
  const sqlClient = sqlUrl ? new Client({ connectionString: sqlUrl }) : null;
  await sqlClient?.connect();

  return {
    baseURL,
    rootURL,
    dataDir,
    http: () => request(rootURL),
    sdk: (user) =>
      new OpenAI({ baseURL, apiKey: 'unused', defaultHeaders: { Authorization: basicAuth(user) }, maxRetries: 0 }),
    sql: async (text, params) => {
      if (!sqlClient) {
        throw new Error('this test app has no direct database access');
      }
      return (await sqlClient.query(text, params)).rows;
    },
    close: async () => {
      await sqlClient?.end();
      await app.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      process.env = saved;
    },
  };
}
