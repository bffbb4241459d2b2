import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import type { Run } from 'openai/resources/beta/threads/runs/runs';
import { Client } from 'pg';
import { ScriptedModel } from '../support/scripted-model';
import { ServerProcesses } from '../support/server-processes';
import { createTestDatabase } from '../support/test-database';

const LEASE_SECONDS = 3;
const TERMINAL = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'];

/**
 * SPEC §4 durability with real processes: the built server is killed (SIGKILL, no shutdown
 * hooks) in the middle of a model call, and a restarted server finishes the run; two server
 * processes sharing one database never execute the same run twice.
 */
describe('Run durability (e2e)', () => {
  let model: ScriptedModel;
  let database: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let dataDir: string;
  const servers = new ServerProcesses(() => ({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    OPENAI_BASE_URL: model.url,
    OPENAI_API_KEY: 'test',
    MODEL_MAX_RETRIES: '0',
    RUN_LEASE_SECONDS: String(LEASE_SECONDS),
  }));
  const startServer = (env?: Record<string, string>) => servers.start(env);
  const kill = (child: ChildProcess) => servers.kill(child);
  const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number) =>
    servers.waitFor(what, probe, timeoutMs);

  beforeEach(async () => {
    model = await ScriptedModel.start();
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    dataDir = mkdtempSync(join(tmpdir(), 'poste-run-crash-'));
    chmodSync(dataDir, 0o755);
  });

  afterEach(async () => {
    await servers.killAll();
    await sql?.end().catch(() => undefined);
    await model?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    return (await sql.query(text, params)).rows as T[];
  }

  /** Polls through the SDK until the run is terminal; fails with the servers' output after `timeoutMs`. */
  function settle(sdk: OpenAI, threadId: string, runId: string, timeoutMs: number): Promise<Run> {
    return waitFor(
      `run ${runId} to finish`,
      async () => {
        const run = await sdk.beta.threads.runs.retrieve(runId, { thread_id: threadId });
        return TERMINAL.includes(run.status) ? run : null;
      },
      timeoutMs,
    );
  }

  /** The chat requests whose prompt contains `marker`. */
  function requestsMentioning(marker: string): number {
    return model.chatRequests().filter((request) => JSON.stringify(request.body?.messages ?? []).includes(marker))
      .length;
  }

  it('should hand a run over on SIGTERM, not cancel it, and finish it on the next server', async () => {
    const first = await startServer();
    const assistant = await first.sdk.beta.assistants.create({ model: 'gpt-4o' });
    const thread = await first.sdk.beta.threads.create({ messages: [{ role: 'user', content: 'graceful marker' }] });
    model.enqueue({ content: 'slow answer that will be cut off', chunkDelayMs: 1000 });
    const run = await first.sdk.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    await model.waitForChatRequests(1);
    const stopped = once(first.child, 'exit');
    first.child.kill('SIGTERM');
    await stopped;
    const [afterStop] = await query<{ status: string; worker_id: string | null }>(
      'SELECT status, worker_id FROM runs WHERE id = $1',
      [run.id],
    );
    expect(afterStop).toEqual({ status: 'in_progress', worker_id: null });

    model.enqueue({ content: 'Answer after hand-over' });
    const second = await startServer();
    const finished = await settle(second.sdk, thread.id, run.id, 30_000);
    expect(finished.status).toBe('completed');
    const messages = await second.sdk.beta.threads.messages.list(thread.id, { order: 'asc' });
    expect(messages.data.filter((message) => message.status === 'completed').map((message) => message.role)).toEqual([
      'user',
      'assistant',
    ]);
  }, 120_000);

  it('should cancel a run executing in another server process', async () => {
    const executor = await startServer();
    const assistant = await executor.sdk.beta.assistants.create({ model: 'gpt-4o' });
    const thread = await executor.sdk.beta.threads.create({ messages: [{ role: 'user', content: 'cancel marker' }] });
    model.enqueue({ hang: true });
    const run = await executor.sdk.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    await model.waitForChatRequests(1);
    const other = await startServer({ POSTE_ROLE: 'api' });
    await other.sdk.beta.threads.runs.cancel(run.id, { thread_id: thread.id });
    const final = await settle(other.sdk, thread.id, run.id, 15_000);
    expect(final.status).toBe('cancelled');
  }, 120_000);

  it('should finish a run whose server was killed mid-answer once a server is running again', async () => {
    const first = await startServer();
    const assistant = await first.sdk.beta.assistants.create({ model: 'gpt-4o', instructions: 'Be brief.' });
    const thread = await first.sdk.beta.threads.create({
      messages: [{ role: 'user', content: 'Survive the crash, please' }],
    });
    // The first answer streams one piece a second: the server dies with the message half written.
    model.enqueue({ content: 'partial answer that takes a long time to stream', chunkDelayMs: 1000 });
    const run = await first.sdk.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });

    await model.waitForChatRequests(1, 10_000);
    await waitFor(
      'the run to be in_progress with its assistant message started',
      async () => {
        const [row] = await query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [run.id]);
        const [message] = await query(`SELECT id FROM messages WHERE run_id = $1 AND status = 'in_progress'`, [run.id]);
        return row?.status === 'in_progress' && message !== undefined;
      },
      10_000,
    );
    await kill(first.child);
    const killedAt = Date.now();

    // Nothing finished the run: it is still in flight, held by the dead worker's lease.
    await expect(query('SELECT status, worker_id FROM runs WHERE id = $1', [run.id])).resolves.toEqual([
      { status: 'in_progress', worker_id: expect.any(String) },
    ]);
    await expect(query('SELECT status FROM messages WHERE run_id = $1', [run.id])).resolves.toEqual([
      { status: 'in_progress' },
    ]);

    model.enqueue({ content: 'Recovered answer' });
    const second = await startServer();
    const restartedAt = Date.now();
    const final = await settle(second.sdk, thread.id, run.id, 30_000);
    const recoveredAt = Date.now();
    console.info(
      `run-crash: recovery took ${recoveredAt - restartedAt} ms after the restarted server was ready ` +
        `(${recoveredAt - killedAt} ms after SIGKILL, lease ${LEASE_SECONDS} s)`,
    );

    expect(final).toMatchObject({
      id: run.id,
      status: 'completed',
      last_error: null,
      completed_at: expect.any(Number),
    });
    // The model was called again, and the retried call carried the user's message.
    expect(model.chatRequests()).toHaveLength(2);
    expect(requestsMentioning('Survive the crash, please')).toBe(2);

    const messages = (await second.sdk.beta.threads.messages.list(thread.id, { order: 'asc' })).data;
    // Nothing written before the crash is lost.
    expect(messages[0]).toMatchObject({
      role: 'user',
      status: 'completed',
      content: [{ type: 'text', text: { value: 'Survive the crash, please' } }],
    });
    const assistantMessages = messages.filter((message) => message.role === 'assistant');
    expect(assistantMessages.filter((message) => message.status === 'completed')).toEqual([
      expect.objectContaining({
        run_id: run.id,
        content: [expect.objectContaining({ text: expect.objectContaining({ value: 'Recovered answer' }) })],
      }),
    ]);
    // The interrupted attempt's message is closed (incomplete), never left in progress.
    expect(messages.filter((message) => message.status === 'in_progress')).toEqual([]);
    expect(assistantMessages.every((message) => ['completed', 'incomplete'].includes(message.status))).toBe(true);

    const steps = (await second.sdk.beta.threads.runs.steps.list(run.id, { thread_id: thread.id })).data;
    expect(steps.filter((step) => step.status === 'in_progress')).toEqual([]);
    expect(steps.filter((step) => step.status === 'completed')).toHaveLength(1);

    // The lease is released.
    await expect(query('SELECT status, worker_id, heartbeat_at FROM runs WHERE id = $1', [run.id])).resolves.toEqual([
      { status: 'completed', worker_id: null, heartbeat_at: null },
    ]);
  }, 120_000);

  it('should execute each run exactly once when two server processes share the database', async () => {
    // Three slots per process and answers streaming for ~4.5 s: six runs execute at once, the
    // other four wait in the queue for longer than a lease, and both processes take runs.
    const env = { WORKER_CONCURRENCY: '3' };
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    const assistant = await a.sdk.beta.assistants.create({ model: 'gpt-4o', instructions: 'Be brief.' });
    model.setDefault({ content: 'An answer that streams for a little while.', chunkDelayMs: 400 });

    const markers = Array.from(
      { length: 10 },
      (_, i) => `marker-${String(i).padStart(2, '0')}-${Math.random().toString(36).slice(2, 8)}`,
    );
    const threads = await Promise.all(
      markers.map((marker) =>
        a.sdk.beta.threads.create({ messages: [{ role: 'user', content: `Please answer ${marker}` }] }),
      ),
    );

    // Which executors held leases while the runs were executing.
    const holders = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const row of await query<{ worker_id: string }>(
          'SELECT worker_id FROM runs WHERE worker_id IS NOT NULL',
        )) {
          holders.add(row.worker_id);
        }
        await sleep(50);
      }
    })();

    const started = Date.now();
    let runs: Run[];
    let finals: Run[];
    try {
      runs = await Promise.all(
        threads.map((thread) => a.sdk.beta.threads.runs.create(thread.id, { assistant_id: assistant.id })),
      );
      finals = await Promise.all(runs.map((run) => settle(a.sdk, run.thread_id, run.id, 60_000)));
    } finally {
      sampling = false;
      await sampler;
    }
    console.info(
      `run-crash: 10 runs on two servers finished in ${Date.now() - started} ms; lease holders seen: ${[...holders].join(', ')}`,
    );
    expect(finals.map((run) => run.status)).toEqual(Array(10).fill('completed'));

    // A lease later, anything still executing a finished run would have shown itself.
    await sleep(LEASE_SECONDS * 1000);
    // Exactly one model call per run: no run was executed by two workers (or twice by one).
    expect(markers.map((marker) => requestsMentioning(marker))).toEqual(Array(10).fill(1));
    expect(model.chatRequests()).toHaveLength(10);
    for (const run of runs) {
      const messages = (await b.sdk.beta.threads.messages.list(run.thread_id)).data;
      expect(messages.filter((message) => message.role === 'assistant')).toEqual([
        expect.objectContaining({ run_id: run.id, status: 'completed' }),
      ]);
      const steps = (await b.sdk.beta.threads.runs.steps.list(run.id, { thread_id: run.thread_id })).data;
      expect(steps).toEqual([
        expect.objectContaining({ type: 'message_creation', status: 'completed', last_error: null }),
      ]);
    }
    // Both processes executed runs (their executor ids carry their pids).
    const pids = new Set([...holders].map((holder) => Number(holder.split(':')[1])));
    expect(pids).toEqual(new Set([a.pid, b.pid]));
    await expect(
      query(`SELECT count(*)::int AS n FROM runs WHERE worker_id IS NOT NULL OR status <> 'completed'`),
    ).resolves.toEqual([{ n: 0 }]);
  }, 120_000);
});
