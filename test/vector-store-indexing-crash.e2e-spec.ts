import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFile } from 'openai';
import { Client } from 'pg';
import { filesRoot } from '../src/files/file-storage';
import { ServerProcesses } from './support/server-processes';
import { createTestDatabase } from './support/test-database';

const DOCUMENT = 'Durable indexing: the warehouse in Ghent ships pallets on Tuesdays. '.repeat(200);

/**
 * SPEC §5 durability of indexing with real processes: a server is SIGKILLed while it indexes a
 * file; a server started afterwards resumes the file from the queue, and the file ends
 * `completed` with one copy of each chunk, never `in_progress` forever.
 */
describe('File indexing durability (e2e)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let sql: Client;
  let dataDir: string;
  const servers = new ServerProcesses(() => ({
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    // A dead worker's job is retried after 2 s, found by maintenance running every second.
    INDEXING_TIMEOUT_SECONDS: '2',
    QUEUE_MAINTENANCE_SECONDS: '1',
  }));

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    dataDir = mkdtempSync(join(tmpdir(), 'poste-indexing-crash-'));
    chmodSync(dataDir, 0o755);
  });
  afterAll(async () => {
    await servers.killAll();
    await sql?.end();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should resume a file whose server was killed mid-indexing, once a server runs again', async () => {
    const first = await servers.start();
    const file = await first.sdk.files.create({
      file: await toFile(Buffer.from(DOCUMENT), 'warehouse.txt'),
      purpose: 'assistants',
    });
    // A stalled disk: the stored bytes are swapped for a FIFO, so reading them blocks the
    // indexer in the middle of its job until the process is killed.
    const stored = join(filesRoot(dataDir), file.id);
    renameSync(stored, `${stored}.saved`);
    execFileSync('mkfifo', [stored]);

    const store = await first.sdk.vectorStores.create({ name: 'Durable', file_ids: [file.id] });
    await servers.waitFor(
      'the indexing job to be taken',
      async () =>
        (await sql.query(`SELECT 1 FROM pgboss.job WHERE name = 'vector-store-files' AND state = 'active'`)).rowCount,
      15_000,
    );
    await servers.kill(first.child);
    rmSync(stored);
    renameSync(`${stored}.saved`, stored);

    const second = await servers.start();
    const indexed = await servers.waitFor(
      'the file to finish indexing',
      async () => {
        const entry = await second.sdk.vectorStores.files.retrieve(file.id, { vector_store_id: store.id });
        return entry.status !== 'in_progress' && entry;
      },
      30_000,
    );
    expect(indexed).toMatchObject({ status: 'completed', last_error: null });
    const { rows } = await sql.query<{ chunks: number; distinct_chunks: number }>(
      `SELECT count(*)::int AS chunks, count(DISTINCT chunk_index)::int AS distinct_chunks
         FROM vector_store_chunks WHERE file_id = $1`,
      [file.id],
    );
    expect(rows[0].chunks).toBeGreaterThan(0);
    expect(rows[0].chunks).toBe(rows[0].distinct_chunks);
    const hits = await second.sdk.vectorStores.search(store.id, { query: 'pallets Ghent' });
    expect(hits.data[0]).toMatchObject({ file_id: file.id });
  }, 120_000);
});
