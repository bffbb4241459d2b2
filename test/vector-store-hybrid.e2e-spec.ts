import OpenAI, { toFile } from 'openai';
import { startPgvectorServer, PgvectorServer } from './support/pgvector/pglite-server';
import { ScriptedModel } from './support/scripted-model';
import { startTestApp, TestApp } from './support/test-app';

const SERVICE = 'Your automobile should be serviced by a certified mechanic once a year.';
const RETURNS = 'Parcels can be returned within 30 days for a full refund.';
const SHIPPING = 'Standard shipping takes three to five business days.';
// Shares no word with SERVICE; the scripted model embeds these words as SERVICE's.
const QUESTION = 'car maintenance';

describe('Hybrid file search on PostgreSQL with pgvector (e2e)', () => {
  let pgvector: PgvectorServer;
  let model: ScriptedModel;
  let hybrid: TestApp;
  let keywordOnly: TestApp;

  beforeAll(async () => {
    pgvector = await startPgvectorServer();
    model = await ScriptedModel.start();
    model.defineSynonyms({ car: 'automobile', maintenance: 'serviced' });
    hybrid = await startTestApp({
      DATABASE_URL: pgvector.url,
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'test',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
      EMBEDDINGS_BATCH_SIZE: '2',
      MODEL_MAX_RETRIES: '0',
    });
    // The embedded PostgreSQL has no pgvector: the same settings give keyword search only.
    keywordOnly = await startTestApp({
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'test',
      EMBEDDINGS_MODEL: 'text-embedding-3-small',
    });
    // PGlite runs initdb and compiles its WASM engine on first use.
  }, 60_000);
  afterAll(async () => {
    await hybrid?.close();
    await keywordOnly?.close();
    await model?.stop();
    await pgvector?.stop();
  });

  async function storeOfDocuments(client: OpenAI) {
    const files = [];
    for (const [text, name] of [
      [SERVICE, 'service.txt'],
      [RETURNS, 'returns.txt'],
      [SHIPPING, 'shipping.txt'],
    ]) {
      files.push(await client.files.create({ file: await toFile(Buffer.from(text), name), purpose: 'assistants' }));
    }
    const store = await client.vectorStores.create({ name: 'Docs' });
    const batch = await client.vectorStores.fileBatches.createAndPoll(
      store.id,
      { file_ids: files.map((file) => file.id) },
      { pollIntervalMs: 50 },
    );
    expect(batch.file_counts).toMatchObject({ completed: 3, total: 3 });
    return { storeId: store.id, serviceFileId: files[0].id };
  }

  it('should embed every chunk while indexing, in batches, under an HNSW index', async () => {
    model.reset();
    const { storeId } = await storeOfDocuments(hybrid.sdk('alice'));
    const [{ chunks, embedded }] = await hybrid.sql<{ chunks: number; embedded: number }>(
      `SELECT count(c.id)::int AS chunks, count(e.chunk_id)::int AS embedded
         FROM vector_store_chunks c LEFT JOIN vector_store_chunk_embeddings e ON e.chunk_id = c.id
        WHERE c.vector_store_id = $1`,
      [storeId],
    );
    expect(chunks).toBe(3);
    expect(embedded).toBe(3);
    const embeddingRequests = model.requests.filter((request) => request.path === '/v1/embeddings');
    expect(embeddingRequests.length).toBeGreaterThanOrEqual(3);
    expect(embeddingRequests.every((request) => request.body.model === 'text-embedding-3-small')).toBe(true);
    const indexes = await hybrid.sql<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = 'vector_store_chunk_embeddings' AND indexdef LIKE '%hnsw%'`,
    );
    expect(indexes).toHaveLength(1);
    expect(indexes[0].indexdef).toContain('vector_cosine_ops');
  });

  it('should find a chunk that means the question but shares no word with it, which keyword search misses', async () => {
    const alice = hybrid.sdk('alice');
    const { storeId, serviceFileId } = await storeOfDocuments(alice);
    const page = await alice.vectorStores.search(storeId, { query: QUESTION, max_num_results: 2 });
    expect(page.data[0]).toMatchObject({ file_id: serviceFileId, filename: 'service.txt' });
    expect(page.data[0].score).toBeGreaterThan(0);
    expect(page.data[0].score).toBeLessThanOrEqual(1);
    expect(page.data.length).toBeLessThanOrEqual(2);

    const keywordStore = await storeOfDocuments(keywordOnly.sdk('alice'));
    const keywordPage = await keywordOnly.sdk('alice').vectorStores.search(keywordStore.storeId, { query: QUESTION });
    expect(keywordPage.data).toEqual([]);
  });

  it('should still rank exact keyword matches, and apply attribute filters to both rankings', async () => {
    const alice = hybrid.sdk('alice');
    const { storeId } = await storeOfDocuments(alice);
    const page = await alice.vectorStores.search(storeId, { query: 'refund parcels' });
    expect(page.data[0].filename).toBe('returns.txt');
    const filtered = await alice.vectorStores.search(storeId, {
      query: QUESTION,
      filters: { type: 'eq', key: 'topic', value: 'nothing-has-this' },
    });
    expect(filtered.data).toEqual([]);
  });

  // Last: it stops the model.
  it('should answer by keyword alone, not fail, when the embeddings endpoint is down', async () => {
    const alice = hybrid.sdk('alice');
    const { storeId } = await storeOfDocuments(alice);
    await model.stop();
    const page = await alice.vectorStores.search(storeId, { query: 'refund parcels' });
    expect(page.data[0].filename).toBe('returns.txt');
    await expect(alice.vectorStores.search(storeId, { query: QUESTION })).resolves.toMatchObject({ data: [] });
  });
});
