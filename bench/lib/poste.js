'use strict';

/** Starting the Poste under test: `node dist/main.js` with throttling off and a private DATA_DIR. */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, startNode, waitUntilReady, stopChild } = require('./processes');
const { OWNER } = require('./seed');
const { log, seconds } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'bench-secret';
const AUTHORIZATION = `Basic ${Buffer.from(`${OWNER}:${SECRET}`).toString('base64')}`;
// Poste's default DATABASE_POOL_SIZE; the CRUD benchmark gives its ceiling server the same.
const POOL_SIZE = 10;

/**
 * Starts Poste (a 0 limit disables a throttling class) with `env` on top, and registers its stop
 * with `cleanup`. Answers `{ baseUrl, output, child, stop }`; `stop` may be called early.
 */
async function startPoste(databaseUrl, cleanup, { env = {}, label = 'Poste' } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poste-bench-data-'));
  cleanup.add(`${label} data dir`, async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const server = startNode(path.join(ROOT, 'dist', 'main.js'), {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    AUTH_USERS: `${OWNER}:${SECRET}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    RATE_LIMIT_READ: '0',
    RATE_LIMIT_POLL: '0',
    RATE_LIMIT_WRITE: '0',
    RATE_LIMIT_RUN: '0',
    RATE_LIMIT_UPLOAD: '0',
    ...env,
  }, { cwd: ROOT });
  const stop = () => stopChild(server.child);
  cleanup.add(label, stop);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // Readiness includes "all migrations applied", which Poste does at start.
  await waitUntilReady(`${baseUrl}/api/health/ready`, { ...server, name: label });
  log(`${label} ready on port ${port} in ${seconds(started)}`);
  return { baseUrl, output: server.output, child: server.child, stop };
}

module.exports = { ROOT, AUTHORIZATION, POOL_SIZE, startPoste };
