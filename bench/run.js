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
 * Then (bench/runs.js) the run engine: a second Poste, pointed at a zero-latency scripted model,
 * measured for server-added latency per run, the SDK's createAndPoll, streaming time to first
 * token and runs/s at 200 concurrent runs.
 *
 * Then (bench/retrieval.js) vector stores: ingest throughput from upload to `completed`, keyword
 * search latency on stores of 10 000 and 100 000 chunks, and recall@5 on a labelled query set;
 * keyword and, when the database has pgvector, hybrid. BENCH_PGVECTOR=pglite gives that part a
 * PGlite (WASM PostgreSQL + pgvector) of its own. BENCH_ONLY=crud, runs or retrieval picks one part.
 *
 * It is a measurement, not a test: it exits 0 whether targets pass or miss, and non-zero only
 * when the harness itself fails. Knobs: see bench/README.md.
 */

const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { freePort, startNode, waitUntilReady, stopChild } = require('./lib/processes');
const { startDatabase, startPglite } = require('./lib/postgres');
const { AUTHORIZATION, POOL_SIZE, startPoste } = require('./lib/poste');
const { OWNER, apiClient, seedThroughApi, seedMessages, checkLists, removeSeed } = require('./lib/seed');
const { measure } = require('./lib/load');
const { printTable, printFailures, printTargets, reportPosteLogs } = require('./lib/report');
const { log, seconds, positiveInt } = require('./lib/util');
const { benchRuns } = require('./runs');
const { benchRetrieval } = require('./retrieval');

const SMALL_THREAD = 100;
const LARGE_THREAD = 100_000;
const PARTS = ['crud', 'runs', 'retrieval'];
const PGVECTOR_ENGINES = ['pglite'];

function readConfig() {
  const only = process.env.BENCH_ONLY || undefined;
  if (only !== undefined && !PARTS.includes(only)) {
    throw new Error(`BENCH_ONLY must be one of ${PARTS.join(', ')} (got "${only}")`);
  }
  const pgvector = process.env.BENCH_PGVECTOR || undefined;
  if (pgvector !== undefined && !PGVECTOR_ENGINES.includes(pgvector)) {
    throw new Error(`BENCH_PGVECTOR must be one of ${PGVECTOR_ENGINES.join(', ')} (got "${pgvector}")`);
  }
  return {
    parts: only ? [only] : PARTS,
    pgvector,
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
    const machine = describeMachine();
    log(machine);

    // Started on first use: with BENCH_ONLY=retrieval BENCH_PGVECTOR=pglite it is never needed.
    let database;
    const mainDatabase = async () => {
      if (!database) {
        database = await startDatabase();
        cleanup.add('PostgreSQL', database.stop);
        log(`database: ${database.label}`);
      }
      return database;
    };

    if (config.parts.includes('crud')) {
      await benchCrud(await mainDatabase(), config, machine, cleanup);
    }
    if (config.parts.includes('runs')) {
      if (config.parts.includes('crud')) {
        console.log('');
      }
      await benchRuns({ database: await mainDatabase(), cleanup, machine });
    }
    if (config.parts.includes('retrieval')) {
      if (config.parts.length > 1) {
        console.log('');
      }
      await benchRetrieval({ database: config.pgvector === 'pglite' ? await pgliteDatabase(cleanup) : await mainDatabase(), cleanup, machine });
    }
  } finally {
    await cleanup.run();
  }
}

/** BENCH_PGVECTOR=pglite: a PGlite of the retrieval part's own, stopped at cleanup. */
async function pgliteDatabase(cleanup) {
  const started = Date.now();
  const database = await startPglite();
  cleanup.add('PGlite', database.stop);
  log(`database for the retrieval part: ${database.label}, ready in ${seconds(started)}`);
  return database;
}

/** The CRUD routes against their ceiling; its Poste is stopped afterwards so the runs part has the machine. */
async function benchCrud(database, config, machine, cleanup) {
  log(`CRUD: duration ${config.duration} s per scenario after a ${config.warmup} s warm-up, ${config.connections} connections`);
  const poste = await startPoste(database.url, cleanup);
  const ids = await seed(poste.baseUrl, database, cleanup);

  // The ceiling runs first, while Poste sits idle (but for its job-queue polling), so that neither
  // server is measured just after the write scenario has left autovacuum work behind.
  const ceilingResult = await measureCeiling(database.url, ids.assistantId, config, cleanup);
  const posteResults = await measurePoste(poste.baseUrl, ids, config);
  await poste.stop();

  console.log('== CRUD ==');
  const { listMissed } = report(ceilingResult, posteResults, config, machine);
  reportPosteLogs(poste.output);
  // A slow large list is explained on the spot: the plan says whether the index is used.
  if (listMissed || process.env.BENCH_EXPLAIN === '1') {
    await explainList(database.url, ids);
  }
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

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbenchmark failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
