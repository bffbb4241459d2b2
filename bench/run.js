#!/usr/bin/env node
'use strict';

/**
 * Poste benchmark (`npm run bench`; the npm script builds dist/ first).
 *
 * What it measures: requests/s and latency of one Poste instance on this machine, against a real
 * PostgreSQL, for four routes (retrieve an assistant, create a message, list a 100-message
 * thread, list a 100 000-message thread), and the same figures for a "ceiling": a bare NestJS +
 * pg endpoint doing one primary-key query. It then checks two targets:
 *   - Poste's GET /assistants/{id} reaches ≥ 50 % of the ceiling's requests/s;
 *   - listing a 100 000-message thread has a p99 ≤ 1.2 × that of a 100-message thread.
 *
 * How: Postgres from DATABASE_URL or a throw-away embedded one; Poste started as a child
 * process (`node dist/main.js`) with rate limits off; assistant and threads created through the
 * API, bulk messages inserted with SQL; autocannon with a discarded warm-up before each run.
 * Everything it starts is stopped, and temporary directories removed, also on failure.
 *
 * It is a measurement, not a test: it exits 0 whether targets pass or miss, and non-zero only
 * when the harness itself fails. Knobs: see bench/README.md.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freePort, startNode, waitUntilReady, stopChild } = require('./lib/processes');
const { startDatabase } = require('./lib/postgres');
const { OWNER, apiClient, seedThroughApi, seedMessages, checkLists, removeSeed } = require('./lib/seed');
const { measure } = require('./lib/load');
const { printTable, printFailures, printTargets } = require('./lib/report');

const ROOT = path.resolve(__dirname, '..');
const SECRET = 'bench-secret';
const AUTHORIZATION = `Basic ${Buffer.from(`${OWNER}:${SECRET}`).toString('base64')}`;
// Poste's default DATABASE_POOL_SIZE; passed to both servers so the comparison is like for like.
const POOL_SIZE = 10;
const SMALL_THREAD = 100;
const LARGE_THREAD = 100_000;

function readConfig() {
  return {
    duration: positiveInt('BENCH_DURATION', 10),
    warmup: positiveInt('BENCH_WARMUP', 3),
    connections: positiveInt('BENCH_CONNECTIONS', 50),
  };
}

/** Stop actions, run newest first, each at most once: on success, on failure, and on Ctrl-C. */
class Cleanup {
  constructor() {
    this.steps = [];
  }

  add(name, action) {
    this.steps.push({ name, action, done: false });
  }

  async run() {
    for (const step of [...this.steps].reverse()) {
      if (step.done) {
        continue;
      }
      step.done = true;
      try {
        await step.action();
      } catch (error) {
        console.error(`cleanup: stopping ${step.name} failed: ${error?.message ?? error}`);
      }
    }
  }
}

async function main() {
  const cleanup = new Cleanup();
  process.once('SIGINT', () => {
    console.error('\ninterrupted; cleaning up');
    cleanup.run().finally(() => process.exit(130));
  });

  try {
    // Read inside main() so a bad knob is reported like any other harness failure.
    const config = readConfig();
    log(`duration ${config.duration} s per scenario after a ${config.warmup} s warm-up, ${config.connections} connections`);
    const machine = describeMachine();
    log(machine);

    const database = await startDatabase();
    cleanup.add('PostgreSQL', database.stop);
    log(`database: ${database.label}`);

    const poste = await startPoste(database.url, cleanup);
    const ids = await seed(poste.baseUrl, database, cleanup);

    // The ceiling runs first, while Poste sits idle (it has no background work), so that neither
    // server is measured just after the write scenario has left autovacuum work behind.
    const ceilingResult = await measureCeiling(database.url, ids.assistantId, config, cleanup);
    const posteResults = await measurePoste(poste.baseUrl, ids, config);

    const { listMissed } = report(ceilingResult, posteResults, config, machine);
    reportPosteLogs(poste.output);
    // A slow large list is explained on the spot: the plan says whether the index is used.
    if (listMissed || process.env.BENCH_EXPLAIN === '1') {
      await explainList(database.url, ids);
    }
  } finally {
    await cleanup.run();
  }
}

/** `node dist/main.js` with throttling off (a 0 limit disables a class) and a private DATA_DIR. */
async function startPoste(databaseUrl, cleanup) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'poste-bench-data-'));
  cleanup.add('Poste data dir', async () => fs.rmSync(dataDir, { recursive: true, force: true }));
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
  }, { cwd: ROOT });
  cleanup.add('Poste', () => stopChild(server.child));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  // Readiness includes "all migrations applied", which Poste does at start.
  await waitUntilReady(`${baseUrl}/api/health/ready`, { ...server, name: 'Poste' });
  log(`Poste ready on port ${port} in ${seconds(started)}`);
  return { baseUrl, output: server.output };
}

async function seed(baseUrl, database, cleanup) {
  const started = Date.now();
  const api = apiClient(baseUrl, AUTHORIZATION);
  const ids = await seedThroughApi(api);
  if (!database.embedded) {
    // Leave an external database as we found it (an embedded one is deleted whole).
    cleanup.add('seeded rows', () => removeSeed(database.url, ids));
  }
  await seedMessages(database.url, ids, { small: SMALL_THREAD, large: LARGE_THREAD });
  await checkLists(api, ids, { small: SMALL_THREAD, large: LARGE_THREAD });
  log(`seeded ${SMALL_THREAD} + ${LARGE_THREAD} messages in ${seconds(started)}`);
  return ids;
}

async function measureCeiling(databaseUrl, assistantId, config, cleanup) {
  const port = await freePort();
  const server = startNode(path.join(__dirname, 'ceiling-server.js'), {
    DATABASE_URL: databaseUrl,
    POOL_SIZE: String(POOL_SIZE),
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const stop = () => stopChild(server.child);
  cleanup.add('ceiling server', stop);
  const url = `http://127.0.0.1:${port}/ceiling/${assistantId}`;
  // A 200 here also proves the ceiling sees the seeded row.
  await waitUntilReady(url, { ...server, name: 'ceiling server' });
  const result = await run({ name: 'ceiling  GET /ceiling/{id}', url }, config);
  // Stopped now so it does not hold Postgres connections while Poste is measured.
  await stop();
  return result;
}

/** Reads first, the write last: the write grows the messages table and leaves vacuum work behind. */
async function measurePoste(baseUrl, ids, config) {
  const api = `${baseUrl}/api/ai`;
  const headers = { authorization: AUTHORIZATION };
  const scenarios = {
    assistant: { name: 'Poste    GET /assistants/{id}', url: `${api}/assistants/${ids.assistantId}`, headers },
    listSmall: { name: 'Poste    GET messages?limit=20 (100 msgs)', url: `${api}/threads/${ids.threadSmall}/messages?limit=20`, headers },
    listLarge: { name: 'Poste    GET messages?limit=20 (100 000 msgs)', url: `${api}/threads/${ids.threadLarge}/messages?limit=20`, headers },
    write: {
      name: 'Poste    POST /threads/{id}/messages',
      url: `${api}/threads/${ids.threadWrite}/messages`,
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'user', content: 'benchmark message' }),
    },
  };
  const results = {};
  for (const [key, scenario] of Object.entries(scenarios)) {
    results[key] = await run(scenario, config);
  }
  return results;
}

async function run(scenario, config) {
  log(`measuring ${scenario.name.replace(/\s+/g, ' ')}`);
  return measure(scenario, config);
}

function report(ceiling, poste, config, machine) {
  const results = [ceiling, poste.assistant, poste.write, poste.listSmall, poste.listLarge];
  console.log('');
  printTable(results);
  console.log(`(${config.connections} connections, ${config.duration} s each after ${config.warmup} s warm-up; ${machine})`);
  console.log('');
  if (printFailures(results) > 0) {
    console.log('');
  }
  return printTargets({
    ceiling,
    assistant: poste.assistant,
    others: [poste.write, poste.listSmall, poste.listLarge],
    listSmall: poste.listSmall,
    listLarge: poste.listLarge,
  });
}

/** Warnings and errors Poste logged under load are part of the result. */
function reportPosteLogs(output) {
  if (output.problemCount === 0) {
    console.log('\nPoste logged no warnings or errors during the run.');
    return;
  }
  const distinct = new Map();
  for (const line of output.problems) {
    const key = summarise(line);
    distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  console.log(`\nPoste logged ${output.problemCount} warning/error lines; most frequent (of the first ${output.problems.length}):`);
  [...distinct.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .forEach(([text, count]) => console.log(`  ${count}×  ${text}`));
}

function summarise(line) {
  try {
    const record = JSON.parse(line);
    return `[level ${record.level}] ${record.msg ?? record.err?.message ?? line}`.slice(0, 200);
  } catch {
    return line.slice(0, 200);
  }
}

/** The plan of (roughly) the query behind GET /threads/{id}/messages?limit=20, for both threads. */
async function explainList(databaseUrl, ids) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [label, threadId] of [['100 000 messages', ids.threadLarge], ['100 messages', ids.threadSmall]]) {
      const { rows } = await client.query(
        `EXPLAIN (ANALYZE, BUFFERS)
         SELECT message.* FROM messages message
         WHERE message.thread_id = $1 AND message.owner = $2
         ORDER BY message.seq DESC LIMIT 21`,
        [threadId, OWNER],
      );
      console.log(`\nEXPLAIN ANALYZE of the list query, thread with ${label}:`);
      rows.forEach((row) => console.log(`  ${row['QUERY PLAN']}`));
    }
  } finally {
    await client.end();
  }
}

/**
 * Client, servers and Postgres all share this machine's cores, so anything else running skews
 * every figure (the ceiling included). Said up front, and again under the table.
 */
function describeMachine() {
  const [load] = os.loadavg();
  const cores = os.cpus().length;
  const busy = load > cores * 0.5 ? ' — other processes are busy; figures will be noisy' : '';
  return `machine: ${cores} cores, load average ${load.toFixed(2)} at start${busy}`;
}

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer (got "${raw}")`);
  }
  return value;
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Progress goes to stderr so stdout carries only the results. */
function log(message) {
  console.error(`[bench] ${message}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbenchmark failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
