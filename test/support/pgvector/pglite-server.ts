import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * A real PostgreSQL engine with pgvector for tests, without Docker or a pgvector build: PGlite
 * (PostgreSQL 18.6 compiled to WASM, pgvector 0.8.7 as a loadable extension) behind the
 * PostgreSQL wire protocol on 127.0.0.1, so `pg`, TypeORM and pg-boss connect to it with an
 * ordinary DATABASE_URL. It runs in a child process (./pglite-process.cjs, which explains why and
 * how connections are multiplexed); memory is ~0.5 GB per server, given back on stop().
 *
 * Needs these devDependencies, at exactly these versions (their peer ranges pin one another):
 *   @electric-sql/pglite@0.5.14  @electric-sql/pglite-pgvector@0.0.15  @electric-sql/pglite-socket@0.2.17
 *
 * What differs from a real server, because PGlite has a single backend shared by all connections:
 * - Transactions never overlap: a second connection's statements wait until the open transaction
 *   ends. Row locks, FOR UPDATE SKIP LOCKED and advisory xact locks thus never block or skip. A
 *   transaction that awaits a query on ANOTHER connection (e.g. a repository call outside its
 *   EntityManager) waits forever; the server prints a warning on stderr after 5 s of that.
 * - Session state is shared: SET (not SET LOCAL), session advisory locks (pg_try_advisory_lock
 *   succeeds on two connections), temp tables, named prepared statements, pg_backend_pid().
 *   LISTEN/NOTIFY does not reach the listening connection. Cancel requests are ignored.
 * - One database: the database name in the URL is ignored (`CREATE DATABASE … TEMPLATE` succeeds,
 *   but every URL still reaches `postgres`), so the template-cloning in test-database.ts isolates
 *   nothing here: start one server per test file (or per test) instead.
 */
export interface PgvectorServer {
  /** postgres://postgres:postgres@127.0.0.1:<port>/postgres; any user, password or database name is accepted. */
  url: string;
  /** Closes every connection and ends the engine's process. Idempotent. */
  stop(): Promise<void>;
}

/** Starts an in-memory PGlite with pgvector (`CREATE EXTENSION vector` done) on a free 127.0.0.1 port. */
export async function startPgvectorServer(): Promise<PgvectorServer> {
  // stdin is a pipe the child watches: if this process dies without stop(), the engine ends too.
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'pglite-process.cjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('PGlite did not start within 60 s'));
    }, 60_000);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`PGlite exited before it was ready (code ${code}, signal ${signal})`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
  });

  let stopped: Promise<void> | undefined;
  return {
    url,
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return;
        }
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(force);
      })()),
  };
}
