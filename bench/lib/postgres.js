'use strict';

/**
 * The database under test: the one in DATABASE_URL, or a throw-away embedded PostgreSQL started
 * with Poste's own EmbeddedPostgresServer (the same binaries Poste runs without DATABASE_URL).
 * For hybrid search without a pgvector server at hand, startPglite runs the test suite's PGlite
 * (PostgreSQL 18 in WASM + pgvector) behind the wire protocol instead.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { freePort, OutputWatch, stopChild } = require('./processes');

const PGLITE_PROCESS = path.join(__dirname, '..', '..', 'test', 'support', 'pgvector', 'pglite-process.cjs');
const PGLITE_START_MS = 60_000;

/** Answers `{ url, label, embedded, stop }`; `stop` is safe to call more than once. */
async function startDatabase() {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, label: 'external (DATABASE_URL)', embedded: false, stop: async () => {} };
  }
  return startEmbedded();
}

async function startEmbedded() {
  const { EmbeddedPostgresServer } = require('../../dist/database/embedded-postgres.js');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poste-bench-pg-'));
  // mkdtemp makes the directory 0700; as root, Postgres runs as the `postgres` user and must be
  // able to traverse it to reach its cluster directory inside.
  fs.chmodSync(dataDir, 0o755);
  const log = [];
  const server = new EmbeddedPostgresServer({
    dataDir,
    port: await freePort(),
    log: (line) => log.push(line) > 50 && log.shift(),
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      await server.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };

  try {
    const url = await server.start();
    return { url, label: 'embedded PostgreSQL 18 (fresh cluster)', embedded: true, stop };
  } catch (error) {
    await stop().catch(() => {});
    // embedded-postgres rejects with `undefined` when the postmaster dies; its log says why.
    throw new Error(`embedded PostgreSQL did not start: ${error ?? 'no reason given'}\n${log.slice(-15).join('\n')}`);
  }
}

/**
 * A throw-away in-memory PGlite with the `vector` extension created (test/support/pgvector/
 * pglite-process.cjs, which documents its limits: ONE backend that every connection takes turns
 * on, transaction by transaction; no autovacuum). Answers what startDatabase does, plus `pid` (the
 * engine's process, for CPU accounting) and `output` (its stderr: stall warnings).
 */
async function startPglite() {
  // stdin is a pipe the engine watches: if the benchmark dies, so does the engine.
  const child = spawn(process.execPath, [PGLITE_PROCESS], { cwd: path.dirname(PGLITE_PROCESS), stdio: ['pipe', 'pipe', 'pipe'] });
  const output = new OutputWatch();
  child.stderr.on('data', (chunk) => output.feed(chunk));
  const stop = () => stopChild(child);
  try {
    const url = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`PGlite did not start within ${PGLITE_START_MS / 1000} s`)), PGLITE_START_MS);
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`PGlite exited before it was ready (code ${code}, signal ${signal}):\n${output.tail.join('\n')}`)));
      child.stdout.on('data', (chunk) => {
        stdout += chunk.toString('utf8');
        const ready = /READY (\S+)/.exec(stdout);
        if (ready) {
          clearTimeout(timer);
          resolve(ready[1]);
        }
      });
    });
    child.removeAllListeners('exit');
    return { url, label: 'PGlite (PostgreSQL 18 in WASM + pgvector, one backend shared by all connections)', embedded: true, engine: 'pglite', pid: child.pid, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

module.exports = { startDatabase, startPglite };
