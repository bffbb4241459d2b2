'use strict';

/**
 * The database under test: the one in DATABASE_URL, or a throw-away embedded PostgreSQL started
 * with Poste's own EmbeddedPostgresServer (the same binaries Poste runs without DATABASE_URL).
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort } = require('./processes');

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

module.exports = { startDatabase };
