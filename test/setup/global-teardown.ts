import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __posteTestPostgres?: ChildProcess }).__posteTestPostgres;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}
