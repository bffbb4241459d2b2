import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { freePort } from './free-port';
import { basicAuth } from './users';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface ServerProcess {
  child: ChildProcess;
  sdk: OpenAI;
  pid: number;
  output: () => string;
}

/**
 * The built server (`dist/main.js`) as real processes, for durability tests that kill them:
 * each started on a free port and ready when `/api/health/ready` answers; every process's output
 * is kept so a failure can show what the servers said.
 */
export class ServerProcesses {
  private readonly running = new Set<ChildProcess>();
  private readonly outputs: string[] = [];

  /** `env()` is read at each start: the tests' database and model change between tests. */
  constructor(private readonly env: () => Record<string, string>) {}

  async start(extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AUTH_USERS: 'alice:alice-secret',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      POSTE_ROLE: 'all',
      ...this.env(),
      ...extraEnv,
    };
    delete env.REDIS_URL;
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
    const index = this.outputs.push('') - 1;
    const collect = (chunk: Buffer) => (this.outputs[index] += chunk.toString());
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) {
        const sdk = new OpenAI({
          baseURL: `http://127.0.0.1:${port}/api/ai`,
          apiKey: 'unused',
          maxRetries: 0,
          defaultHeaders: { Authorization: basicAuth('alice') },
        });
        return { child, sdk, pid: child.pid as number, output: () => this.outputs[index] };
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server exited early (${child.exitCode ?? child.signalCode}):\n${this.outputs[index]}`);
      }
      await sleep(100);
    }
    throw new Error(`server not ready within 60 s:\n${this.outputs[index]}`);
  }

  /** SIGKILL: no shutdown hook runs, as when a machine dies. */
  async kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async killAll(): Promise<void> {
    for (const child of this.running) {
      await this.kill(child);
    }
    this.outputs.length = 0;
  }

  /** Polls `probe` until it answers something; fails with the servers' output after `timeoutMs`. */
  async waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}\n--- server output ---\n${this.outputs.join('\n---\n')}`,
        );
      }
      await sleep(100);
    }
  }
}
