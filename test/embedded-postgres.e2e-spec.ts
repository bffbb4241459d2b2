import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { freePort } from './support/free-port';

const MAIN = join(__dirname, '..', 'dist', 'main.js');

/**
 * The start path a newcomer takes: the built server with no DATABASE_URL starts its own
 * PostgreSQL under DATA_DIR, stops it cleanly on SIGTERM, and finds its data after a restart.
 */
describe('Embedded PostgreSQL start path (e2e)', () => {
  let dataDir: string;
  const running = new Set<ChildProcess>();

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'poste-embedded-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    // A failed assertion must not leave a server (and its Postgres) behind.
    for (const server of running) {
      await stopServer(server);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startServer(): Promise<{ server: ChildProcess; sdk: OpenAI; output: () => string }> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    delete env.DATABASE_URL;
    delete env.AUTH_USERS;
    env.EMBEDDED_POSTGRES_PORT = String(await freePort());
    const server = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(server);
    server.once('exit', () => running.delete(server));
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const baseURL = `http://127.0.0.1:${port}/api/ai`;
    for (let attempt = 0; attempt < 300; attempt++) {
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) {
        const password = /password \\?"([A-Za-z0-9_-]+)/.exec(output)?.[1] ?? process.env.__POSTE_GENERATED_PASSWORD;
        const sdk = new OpenAI({
          baseURL,
          apiKey: 'unused',
          maxRetries: 0,
          defaultHeaders: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` },
        });
        return { server, sdk, output: () => output };
      }
      if (server.exitCode !== null) {
        throw new Error(`server exited early:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`server not ready:\n${output}`);
  }

  /** Nest closes everything on SIGTERM, then re-raises the signal: exit code 143 is the clean path. */
  async function stopServer(server: ChildProcess): Promise<boolean> {
    if (server.exitCode !== null || server.signalCode !== null) {
      return false;
    }
    server.kill('SIGTERM');
    const [code, signal] = await once(server, 'exit');
    return code === 143 || signal === 'SIGTERM';
  }

  it('should initialise a fresh data dir, keep data across a clean restart, and never reuse a default password', async () => {
    const first = await startServer();
    const password = /password \\?"([A-Za-z0-9_-]+)/.exec(first.output())?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    process.env.__POSTE_GENERATED_PASSWORD = password;
    const assistant = await first.sdk.beta.assistants.create({ model: 'gpt-4o', name: 'survives restarts' });
    await expect(stopServer(first.server)).resolves.toBe(true);
    // A clean shutdown removes the postmaster's pid file.
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = await startServer();
    expect(second.output()).not.toContain(password);
    await expect(second.sdk.beta.assistants.retrieve(assistant.id)).resolves.toMatchObject({
      name: 'survives restarts',
    });
    await expect(stopServer(second.server)).resolves.toBe(true);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('should refuse a bad configuration with one line naming the variable', async () => {
    const server = spawn(process.execPath, [MAIN], {
      env: { ...process.env, RATE_LIMIT_READ: 'lots', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(server, 'exit');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining('RATE_LIMIT_READ')]);
  });
});
