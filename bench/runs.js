'use strict';

/**
 * The runs benchmark (issue 3), started by bench/run.js: how much time Poste's run engine adds
 * on top of the model, with a model that answers at once.
 *
 * Setup: a zero-latency OpenAI-compatible model (bench/lib/scripted-model.js) in its own process,
 * and one Poste (POSTE_ROLE=all, WORKER_CONCURRENCY 16, throttling off) pointed at it. Every run
 * gets a fresh thread holding one user message with a unique tag, so the model's record of each
 * chat request (its own handling time, on the machine-wide monotonic clock) can be matched to the
 * client's measurement of the run and subtracted.
 *
 * Phases, after a discarded warm-up:
 *   1. N sequential `POST /threads/{id}/runs/wait`: wall time − the model's own time = the time
 *      Poste adds per run (also split into before and after the model call);
 *   2. the official SDK's `runs.createAndPoll`, sequentially;
 *   3. streaming: time to the first `thread.message.delta` through Poste vs time to the first
 *      content chunk straight from the model, in pairs;
 *   4. runs/s with 200 runs in flight: one burst of 200, then 1 000 runs through 200 loops.
 * Then it checks in the database that every run completed with its message stored.
 */

const path = require('node:path');
const { Client } = require('pg');
const OpenAI = require('openai');
const { freePort, startNode, waitUntilReady, stopChild } = require('./lib/processes');
const { AUTHORIZATION, startPoste } = require('./lib/poste');
const { reportPosteLogs } = require('./lib/report');
const { CpuMeter } = require('./lib/cpu');
const { HttpClient } = require('./lib/http');
const { ANSWER } = require('./lib/scripted-model');
const { log, seconds, positiveInt, percentile, monotonicMs } = require('./lib/util');

const TARGETS = {
  overheadP50: 5, // ms added per run, p50
  overheadP99: 20, // ms added per run, p99
  createAndPoll: 150, // ms, SDK createAndPoll wall time
  firstToken: 5, // ms added to the time to first token
  runsPerSecond: 200, // sustained, 200 runs in flight
};
const INSTRUCTIONS = 'Answer in one short sentence.';
const WAIT_TIMEOUT_SECONDS = 30;
const THREAD_CREATION_CONCURRENCY = 16;

function readConfig() {
  return {
    sequential: positiveInt('BENCH_RUNS_SEQUENTIAL', 200),
    poll: positiveInt('BENCH_RUNS_POLL', 100),
    stream: positiveInt('BENCH_RUNS_STREAM', 100),
    concurrency: positiveInt('BENCH_RUNS_CONCURRENCY', 200),
    sustained: positiveInt('BENCH_RUNS_SUSTAINED', 1000),
    warmup: positiveInt('BENCH_RUNS_WARMUP', 30),
    workers: positiveInt('BENCH_WORKER_CONCURRENCY', 16),
  };
}

async function benchRuns({ database, cleanup, machine }) {
  const config = readConfig();
  const started = Date.now();
  const model = await startModel(cleanup);
  const posteEnv = {
    OPENAI_BASE_URL: `${model.baseUrl}/v1`,
    OPENAI_API_KEY: 'unused',
    POSTE_ROLE: 'all',
    WORKER_CONCURRENCY: String(config.workers),
  };
  // For experiments: extra settings (`BENCH_RUNS_POSTE_ENV="DATABASE_POOL_SIZE=30 WORKER_CONCURRENCY=32"`)
  // and Node flags (`BENCH_POSTE_NODE_OPTIONS="--require ./profiler.js"`) for the runs' Poste; both are printed.
  Object.assign(posteEnv, extraEnv(process.env.BENCH_RUNS_POSTE_ENV));
  if (process.env.BENCH_POSTE_NODE_OPTIONS) {
    posteEnv.NODE_OPTIONS = process.env.BENCH_POSTE_NODE_OPTIONS;
  }
  const poste = await startPoste(database.url, cleanup, { label: 'Poste (runs)', env: posteEnv });
  const api = new HttpClient(poste.baseUrl, { authorization: AUTHORIZATION });
  const direct = new HttpClient(model.baseUrl, {});

  const assistant = await api.json('POST', '/api/ai/assistants', { model: 'gpt-4o', name: 'bench-runs', instructions: INSTRUCTIONS });
  const threads = new ThreadMaker(api, database, cleanup);
  const cpu = await CpuMeter.create(poste.child.pid, database.url);
  const run = { api, direct, model, assistantId: assistant.id, threads, runIds: {}, cpu };

  log(`runs: warm-up (${config.warmup} runs/wait, ${Math.ceil(config.warmup / 3)} streams; createAndPoll warms up in its phase)`);
  await warmUp(run, config);

  log(`runs: ${config.sequential} sequential runs/wait`);
  const floor = await measureFloor(api, assistant.id, config.sequential);
  const sequential = await measureSequential(run, config.sequential);

  log(`runs: ${config.poll} sequential SDK createAndPoll`);
  const polled = await measureCreateAndPoll(run, poste.baseUrl, config.poll);

  log(`runs: ${config.stream} streamed runs, each paired with a direct streamed model call`);
  const streamed = await measureStreaming(run, config.stream);

  log(`runs: ${config.concurrency} concurrent runs/wait, then ${config.sustained} through ${config.concurrency} loops`);
  const burst = await measureThroughput(run, 'burst', config.concurrency, config.concurrency);
  const sustained = await measureThroughput(run, 'sustained', config.sustained, config.concurrency);

  const verified = await verifyInDatabase(database.url, run.runIds);
  await poste.stop();
  log(`runs part took ${seconds(started)}`);

  console.log('== Runs ==');
  printLatencies({ sequential, floor, polled, streamed });
  console.log('');
  printThroughput([burst, sustained]);
  console.log('');
  printCpu({ sequential, polled, streamed, burst, sustained });
  const settings = { DATABASE_POOL_SIZE: '10', ...posteEnv };
  delete settings.OPENAI_BASE_URL;
  delete settings.OPENAI_API_KEY;
  console.log(
    `(scripted model at zero latency in its own process; Poste ${Object.entries(settings).map(([name, value]) => `${name}=${value}`).join(' ')}, ` +
      `throttling off; client, model, Poste and PostgreSQL share the machine: ${machine})`,
  );
  console.log('');
  printVerification(verified);
  console.log('');
  printRunTargets({ sequential, polled, streamed, sustained });
  reportPosteLogs(poste.output, 'Poste (runs)');
}

function extraEnv(raw) {
  const env = {};
  for (const pair of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) {
      throw new Error(`BENCH_RUNS_POSTE_ENV: "${pair}" is not NAME=value`);
    }
    env[match[1]] = match[2];
  }
  return env;
}

// ---- the model ----

async function startModel(cleanup) {
  const port = await freePort();
  const server = startNode(path.join(__dirname, 'lib', 'scripted-model.js'), { PORT: String(port), HOST: '127.0.0.1' });
  cleanup.add('scripted model', () => stopChild(server.child));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}/v1/models`, { ...server, name: 'scripted model' });
  const control = new HttpClient(baseUrl, {});
  return {
    baseUrl,
    reset: () => control.json('POST', '/__bench/reset'),
    /** The model's records since the last reset, by tag (the thread's user message). */
    records: async () => new Map((await control.json('GET', '/__bench/records')).map((record) => [record.tag, record])),
  };
}

/** Splits a server-sent event stream into `{ event, data }` frames, stamped with the arrival time of their last byte. */
class SseReader {
  constructor(onFrame) {
    this.buffer = '';
    this.onFrame = onFrame;
  }

  feed(chunk, at) {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).trimStart());
        }
      }
      this.onFrame({ event, data: data.join('\n') }, at);
    }
  }
}

// ---- threads ----

/** Fresh threads, each with one user message carrying a unique tag (the model records it). */
class ThreadMaker {
  constructor(api, database, cleanup) {
    this.api = api;
    this.serial = 0;
    this.created = [];
    if (!database.embedded) {
      // Runs, steps and messages go with their threads (ON DELETE CASCADE).
      cleanup.add('benchmark threads', () => deleteThreads(database.url, this.created));
    }
  }

  async make(count, label) {
    const threads = new Array(count);
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const tag = `bench ${label} ${index} ${process.pid}.${++this.serial}`;
        const thread = await this.api.json('POST', '/api/ai/threads', { messages: [{ role: 'user', content: tag }] });
        this.created.push(thread.id);
        threads[index] = { id: thread.id, tag };
      }
    };
    await Promise.all(Array.from({ length: Math.min(THREAD_CREATION_CONCURRENCY, count) }, worker));
    return threads;
  }
}

async function deleteThreads(databaseUrl, ids) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DELETE FROM threads WHERE id = ANY($1::text[])', [ids]);
    await client.query("DELETE FROM assistants WHERE owner = 'bench' AND name = 'bench-runs'");
  } finally {
    await client.end();
  }
}

// ---- one run ----

/** `POST /threads/{id}/runs/wait`; a run that answered anything but a completed run is a failure. */
async function waitRun(run, thread) {
  const startedAt = monotonicMs();
  let response;
  try {
    response = await run.api.send('POST', `/api/ai/threads/${thread.id}/runs/wait`, {
      assistant_id: run.assistantId,
      timeout: WAIT_TIMEOUT_SECONDS,
    });
  } catch (error) {
    return { tag: thread.tag, ok: false, failure: `request failed: ${error?.message ?? error}`, startedAt, endedAt: monotonicMs(), wall: NaN };
  }
  let body = null;
  try {
    body = JSON.parse(response.text);
  } catch {
    // Reported below as a failure.
  }
  const ok = response.status === 200 && body?.status === 'completed';
  return {
    tag: thread.tag,
    runId: body?.id,
    ok,
    failure: ok ? null : `HTTP ${response.status} ${body?.status ?? response.text.slice(0, 120)}`,
    startedAt: response.startedAt,
    endedAt: response.endedAt,
    wall: response.endedAt - response.startedAt,
  };
}

/** `POST /threads/{id}/runs` with stream: true: the time to the first message delta, and what the stream said. */
async function streamRun(run, thread) {
  let firstDeltaAt = null;
  let text = '';
  let terminal = null;
  let done = false;
  let runId = null;
  const reader = new SseReader((frame, at) => {
    if (frame.event === 'thread.message.delta') {
      firstDeltaAt ??= at;
      text += JSON.parse(frame.data).delta.content.map((part) => part.text?.value ?? '').join('');
    } else if (frame.event === 'thread.run.created') {
      runId = JSON.parse(frame.data).id;
    } else if (/^thread\.run\.(completed|failed|cancelled|expired|incomplete|requires_action)$/.test(frame.event)) {
      terminal = frame.event;
    } else if (frame.event === 'done') {
      done = true;
    }
  });
  let response;
  try {
    response = await run.api.send(
      'POST',
      `/api/ai/threads/${thread.id}/runs`,
      { assistant_id: run.assistantId, stream: true },
      (chunk, at) => reader.feed(chunk, at),
    );
  } catch (error) {
    return { tag: thread.tag, ok: false, failure: `request failed: ${error?.message ?? error}`, startedAt: NaN, firstDeltaAt: null, ttft: null };
  }
  const ok = response.status === 200 && terminal === 'thread.run.completed' && done && text === ANSWER && firstDeltaAt !== null;
  return {
    tag: thread.tag,
    runId,
    ok,
    failure: ok ? null : `HTTP ${response.status}, ended with ${terminal}, done ${done}, text "${text}"`,
    startedAt: response.startedAt,
    firstDeltaAt,
    ttft: firstDeltaAt === null ? null : firstDeltaAt - response.startedAt,
  };
}

/** The same kind of request Poste sends, straight to the model: the time to its first content chunk. */
async function streamDirect(run, index) {
  let firstContentAt = null;
  const reader = new SseReader((frame, at) => {
    if (firstContentAt !== null || frame.data === '[DONE]') {
      return;
    }
    if (JSON.parse(frame.data).choices?.[0]?.delta?.content) {
      firstContentAt = at;
    }
  });
  const response = await run.direct.send(
    'POST',
    '/v1/chat/completions',
    {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: `bench direct ${index}` },
      ],
      stream: true,
      stream_options: { include_usage: true },
    },
    (chunk, at) => reader.feed(chunk, at),
  );
  if (response.status !== 200 || firstContentAt === null) {
    throw new Error(`direct model call answered ${response.status} without content: ${response.text.slice(0, 200)}`);
  }
  return firstContentAt - response.startedAt;
}

// ---- phases ----

async function warmUp(run, config) {
  for (const thread of await run.threads.make(config.warmup, 'warmup')) {
    await waitRun(run, thread);
  }
  for (const [index, thread] of (await run.threads.make(Math.ceil(config.warmup / 3), 'warmup-stream')).entries()) {
    await streamDirect(run, index);
    await streamRun(run, thread);
  }
}

/** Any authenticated request pays this much through Poste's HTTP stack: the floor under any run figure. */
async function measureFloor(api, assistantId, count) {
  const times = [];
  for (let index = 0; index < Math.min(count, 200); index++) {
    const response = await api.send('GET', `/api/ai/assistants/${assistantId}`);
    if (response.status === 200) {
      times.push(response.endedAt - response.startedAt);
    }
  }
  return times;
}

async function measureSequential(run, count) {
  const threads = await run.threads.make(count, 'sequential');
  await run.model.reset();
  const cpuBefore = run.cpu.snapshot();
  const results = [];
  for (const thread of threads) {
    results.push(await waitRun(run, thread));
  }
  const cpu = CpuMeter.difference(cpuBefore, run.cpu.snapshot(), count);
  run.runIds.sequential = results.map((result) => result.runId).filter(Boolean);
  return { ...withModelTimes(results, await run.model.records()), cpu };
}

/** Adds the model's own time and the split before/after the model call to each run. */
function withModelTimes(results, records) {
  for (const result of results) {
    const record = records.get(result.tag);
    result.modelRequests = record ? 1 : 0;
    if (!record || record.endedAt === null) {
      result.ok = false;
      result.failure ??= 'the model saw no request for this run';
      continue;
    }
    result.model = record.endedAt - record.arrivedAt;
    result.overhead = result.wall - result.model;
    result.beforeModel = record.arrivedAt - result.startedAt;
    result.afterModel = result.endedAt - record.endedAt;
  }
  return { results, modelRequests: records.size };
}

async function measureCreateAndPoll(run, baseUrl, count) {
  const threads = await run.threads.make(count + 3, 'poll');
  let requests = 0;
  const client = new OpenAI({
    baseURL: `${baseUrl}/api/ai`,
    apiKey: 'unused',
    defaultHeaders: { Authorization: AUTHORIZATION },
    maxRetries: 0,
    fetch: (...args) => {
      requests += 1;
      return fetch(...args);
    },
  });
  const [warmup, measured] = [threads.slice(0, 3), threads.slice(3)];
  for (const thread of warmup) {
    await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: run.assistantId });
  }
  await run.model.reset();
  const cpuBefore = run.cpu.snapshot();
  const results = [];
  for (const thread of measured) {
    const before = requests;
    const startedAt = monotonicMs();
    try {
      const polled = await client.beta.threads.runs.createAndPoll(thread.id, { assistant_id: run.assistantId });
      const endedAt = monotonicMs();
      const ok = polled.status === 'completed';
      results.push({ tag: thread.tag, runId: polled.id, ok, failure: ok ? null : `status ${polled.status}`, startedAt, endedAt, wall: endedAt - startedAt, requests: requests - before });
    } catch (error) {
      results.push({ tag: thread.tag, ok: false, failure: String(error?.message ?? error).slice(0, 160), startedAt, endedAt: monotonicMs(), wall: NaN, requests: requests - before });
    }
  }
  const cpu = CpuMeter.difference(cpuBefore, run.cpu.snapshot(), count);
  run.runIds.poll = results.map((result) => result.runId).filter(Boolean);
  return { ...withModelTimes(results, await run.model.records()), cpu };
}

async function measureStreaming(run, count) {
  const threads = await run.threads.make(count, 'stream');
  await run.model.reset();
  const cpuBefore = run.cpu.snapshot();
  const pairs = [];
  for (const [index, thread] of threads.entries()) {
    const direct = await streamDirect(run, index);
    const viaPoste = await streamRun(run, thread);
    pairs.push({ ...viaPoste, direct, difference: viaPoste.ttft === null ? null : viaPoste.ttft - direct });
  }
  // Includes the direct model calls, which cost Poste and PostgreSQL nothing.
  const cpu = CpuMeter.difference(cpuBefore, run.cpu.snapshot(), count);
  const records = await run.model.records();
  for (const pair of pairs) {
    const record = records.get(pair.tag);
    if (!record || record.firstContentAt === null) {
      pair.ok = false;
      pair.failure ??= 'the model saw no request for this run';
      continue;
    }
    pair.beforeModel = record.arrivedAt - pair.startedAt;
    pair.modelToFirstContent = record.firstContentAt - record.arrivedAt;
    pair.afterFirstContent = pair.firstDeltaAt - record.firstContentAt;
  }
  run.runIds.stream = pairs.map((pair) => pair.runId).filter(Boolean);
  return { results: pairs, cpu };
}

/** `total` runs/wait calls, `concurrency` in flight at any time; each on its own fresh thread. */
async function measureThroughput(run, name, total, concurrency) {
  const threads = await run.threads.make(total, name);
  await run.model.reset();
  const results = new Array(total);
  let next = 0;
  const loop = async () => {
    while (next < total) {
      const index = next++;
      results[index] = await waitRun(run, threads[index]);
    }
  };
  const cpuBefore = run.cpu.snapshot();
  const startedAt = monotonicMs();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, loop));
  const wall = monotonicMs() - startedAt;
  const cpu = CpuMeter.difference(cpuBefore, run.cpu.snapshot(), total);
  run.runIds[name] = results.map((result) => result.runId).filter(Boolean);
  const { modelRequests } = withModelTimes(results, await run.model.records());
  const completed = results.filter((result) => result.ok).length;
  return { name, total, concurrency, wall, runsPerSecond: (completed / wall) * 1000, results, modelRequests, cpu };
}

// ---- verification ----

/** What the database says about every run the benchmark made (the warm-up's aside). */
async function verifyInDatabase(databaseUrl, runIdsByPhase) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = [];
    for (const [phase, ids] of Object.entries(runIdsByPhase)) {
      const { rows: [row] } = await client.query(
        `SELECT count(*)::int AS runs,
                count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE (r.usage->>'total_tokens')::int > 0)::int AS with_usage,
                count(*) FILTER (WHERE r.worker_id IS NULL)::int AS released,
                max(r.completed_at - r.created_at)::int AS max_seconds,
                (SELECT count(*) FROM messages m
                  WHERE m.run_id = ANY($1::text[]) AND m.role = 'assistant' AND m.status = 'completed'
                    AND m.content->0->'text'->>'value' = $2)::int AS messages,
                (SELECT count(*) FROM run_steps s
                  WHERE s.run_id = ANY($1::text[]) AND s.type = 'message_creation' AND s.status = 'completed')::int AS steps
           FROM runs r WHERE r.id = ANY($1::text[])`,
        [ids, ANSWER],
      );
      rows.push({ phase, expected: ids.length, ...row });
    }
    return rows;
  } finally {
    await client.end();
  }
}

// ---- report ----

const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const format = (row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
  console.log(format(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  rows.slice(1).forEach((row) => console.log(format(row)));
}

function stats(label, results, field, failed = '') {
  const values = results.filter((result) => result.ok && Number.isFinite(result[field])).map((result) => result[field]);
  return [label, values.length, fixed(percentile(values, 50), 2), fixed(percentile(values, 99), 2), fixed(Math.max(...values), 2), failed];
}

const failures = (results) => results.filter((result) => !result.ok).length;

function printLatencies({ sequential, floor, polled, streamed }) {
  const seq = sequential.results;
  const poll = polled.results;
  const stream = streamed.results;
  table([
    ['Per run (sequential)', 'n', 'p50 ms', 'p99 ms', 'max ms', 'failed'],
    stats('runs/wait: wall time', seq, 'wall', failures(seq)),
    stats("  model's own time (request in → answer out)", seq, 'model'),
    stats('  server-added = wall − model', seq, 'overhead'),
    stats('    request sent → model request in', seq, 'beforeModel'),
    stats('    model answer out → response in', seq, 'afterModel'),
    stats('GET /assistants/{id} round trip (floor)', floor.map((wall) => ({ ok: true, wall })), 'wall'),
    stats('SDK createAndPoll: wall time', poll, 'wall', failures(poll)),
    stats('  server-added = wall − model', poll, 'overhead'),
    stats('  HTTP requests per createAndPoll', poll, 'requests'),
    stats('Streaming: first message delta via Poste', stream, 'ttft', failures(stream)),
    stats('  first content chunk, model direct', stream, 'direct'),
    stats('  first-token overhead = Poste − direct', stream, 'difference'),
    stats('    request sent → model request in', stream, 'beforeModel'),
    stats('    model first chunk out → delta in', stream, 'afterFirstContent'),
  ]);
  for (const [label, results] of [['runs/wait', seq], ['createAndPoll', poll], ['streaming', stream]]) {
    const first = results.find((result) => !result.ok);
    if (first) {
      console.log(`WARNING: ${failures(results)} ${label} runs failed; first: ${first.failure}`);
    }
  }
}

function printThroughput(phases) {
  table([
    ['Throughput (runs/wait)', 'runs', 'in flight', 'wall s', 'runs/s', 'p50 ms', 'p99 ms', 'sent → model p50 ms', 'model p99 ms', 'failed'],
    ...phases.map((phase) => {
      const ok = phase.results.filter((result) => result.ok);
      const walls = ok.map((result) => result.wall);
      return [
        phase.name,
        phase.total,
        phase.concurrency,
        fixed(phase.wall / 1000, 2),
        fixed(phase.runsPerSecond, 1),
        fixed(percentile(walls, 50), 1),
        fixed(percentile(walls, 99), 1),
        // How long a run waited before its model call: mostly time queued for a worker slot.
        fixed(percentile(ok.map((result) => result.beforeModel), 50), 1),
        fixed(percentile(ok.map((result) => result.model), 99), 1),
        failures(phase.results),
      ];
    }),
  ]);
  for (const phase of phases) {
    const first = phase.results.find((result) => !result.ok);
    if (first) {
      console.log(`WARNING: ${failures(phase.results)} of the ${phase.name} runs failed; first: ${first.failure}`);
    }
  }
}

function printCpu(phases) {
  if (Object.values(phases).every((phase) => !phase.cpu)) {
    return;
  }
  table([
    ['CPU (from /proc; 10 ms ticks)', 'Poste ms/run', 'PostgreSQL ms/run', 'machine busy (cores)'],
    ...Object.entries(phases).map(([name, phase]) => [
      name,
      fixed(phase.cpu?.posteMsPerRun, 2),
      fixed(phase.cpu?.postgresMsPerRun ?? NaN, 2),
      `${fixed(phase.cpu?.machineBusyCores, 2)} of ${require('node:os').cpus().length}`,
    ]),
  ]);
  const sustained = phases.sustained.cpu;
  if (sustained && sustained.postgresMsPerRun !== null) {
    const cores = require('node:os').cpus().length;
    const perRun = sustained.posteMsPerRun + sustained.postgresMsPerRun;
    console.log(
      `At the sustained phase's cost (${fixed(perRun, 1)} ms of Poste + PostgreSQL CPU per run), ${cores} cores given wholly to ` +
        `Poste and PostgreSQL would do at most ${fixed((cores * 1000) / perRun, 0)} runs/s; Poste's one event loop alone ` +
        `caps at ${fixed(1000 / sustained.posteMsPerRun, 0)} runs/s.`,
    );
  }
}

function printVerification(rows) {
  console.log('Checked in the database (runs created by each phase):');
  for (const row of rows) {
    const good = row.runs === row.expected && row.completed === row.expected && row.messages === row.expected && row.steps === row.expected && row.with_usage === row.expected && row.released === row.expected;
    console.log(
      `  ${row.phase.padEnd(10)} ${row.runs}/${row.expected} runs found, ${row.completed} completed, ${row.with_usage} with usage, ` +
        `${row.released} lease released, ${row.messages} assistant messages with the model's text, ${row.steps} completed message steps; ` +
        `completed_at − created_at ≤ ${row.max_seconds ?? '–'} s  ${good ? 'OK' : 'MISMATCH'}`,
    );
  }
}

function printRunTargets({ sequential, polled, streamed, sustained }) {
  const values = (results, field) => results.filter((result) => result.ok && Number.isFinite(result[field])).map((result) => result[field]);
  const caveat = (results) => (failures(results) > 0 ? `  (unreliable: ${failures(results)} runs failed)` : '');
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');

  const overhead = values(sequential.results, 'overhead');
  const [o50, o99] = [percentile(overhead, 50), percentile(overhead, 99)];
  console.log(`Server-added latency per run, p50: ${fixed(o50, 2)} ms (target ≤ ${TARGETS.overheadP50} ms)  ${verdict(o50 <= TARGETS.overheadP50)}${caveat(sequential.results)}`);
  console.log(`Server-added latency per run, p99: ${fixed(o99, 2)} ms (target ≤ ${TARGETS.overheadP99} ms)  ${verdict(o99 <= TARGETS.overheadP99)}${caveat(sequential.results)}`);

  const poll = values(polled.results, 'wall');
  const [p50, p99] = [percentile(poll, 50), percentile(poll, 99)];
  console.log(`SDK createAndPoll, p50: ${fixed(p50, 1)} ms (target ≤ ${TARGETS.createAndPoll} ms)  ${verdict(p50 <= TARGETS.createAndPoll)}${caveat(polled.results)}`);
  console.log(`SDK createAndPoll, p99: ${fixed(p99, 1)} ms (target ≤ ${TARGETS.createAndPoll} ms)  ${verdict(p99 <= TARGETS.createAndPoll)}${caveat(polled.results)}`);

  const first = values(streamed.results, 'difference');
  const [f50, f99] = [percentile(first, 50), percentile(first, 99)];
  console.log(`First-token overhead, p50: ${fixed(f50, 2)} ms (target ≤ ${TARGETS.firstToken} ms)  ${verdict(f50 <= TARGETS.firstToken)}${caveat(streamed.results)}`);
  console.log(`First-token overhead, p99: ${fixed(f99, 2)} ms (target ≤ ${TARGETS.firstToken} ms)  ${verdict(f99 <= TARGETS.firstToken)}${caveat(streamed.results)}`);

  console.log(
    `Sustained runs/s, ${sustained.concurrency} in flight: ${fixed(sustained.runsPerSecond, 1)} (target ≥ ${TARGETS.runsPerSecond})  ` +
      `${verdict(sustained.runsPerSecond >= TARGETS.runsPerSecond)}${caveat(sustained.results)}`,
  );
}

module.exports = { benchRuns };
