import OpenAI, { toFile } from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

const MANUAL = 'The espresso machine needs descaling every two months with citric acid.';
const WARRANTY = 'The warranty covers the boiler and the pump for three years.';

describe('Vector store file batches and file_ids at creation (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app?.close());

  const upload = async (client: OpenAI, text: string, filename: string) =>
    client.files.create({ file: await toFile(Buffer.from(text), filename), purpose: 'assistants' });

  it('should index a batch through createAndPoll and list its files', async () => {
    const store = await alice.vectorStores.create({ name: 'Manuals' });
    const files = [await upload(alice, MANUAL, 'manual.txt'), await upload(alice, WARRANTY, 'warranty.md')];
    const batch = await alice.vectorStores.fileBatches.createAndPoll(
      store.id,
      { file_ids: files.map((file) => file.id), attributes: { product: 'espresso' } },
      { pollIntervalMs: 50 },
    );
    expect(batch).toMatchObject({
      id: expect.stringMatching(/^vsfb_/),
      object: 'vector_store.files_batch',
      vector_store_id: store.id,
      status: 'completed',
      file_counts: { in_progress: 0, completed: 2, failed: 0, cancelled: 0, total: 2 },
    });
    const listed = await alice.vectorStores.fileBatches.listFiles(batch.id, { vector_store_id: store.id });
    expect(listed.data.map((file) => file.id).sort()).toEqual(files.map((file) => file.id).sort());
    expect(listed.data.every((file) => file.attributes?.product === 'espresso')).toBe(true);

    const hits = await alice.vectorStores.search(store.id, { query: 'descaling citric acid' });
    expect(hits.data[0]).toMatchObject({ file_id: files[0].id, attributes: { product: 'espresso' } });
  });

  it('should upload and index files in one SDK call (uploadAndPoll) with per-file settings through `files`', async () => {
    const store = await alice.vectorStores.create({ name: 'Uploads' });
    const batch = await alice.vectorStores.fileBatches.uploadAndPoll(
      store.id,
      { files: [await toFile(Buffer.from(MANUAL), 'one.txt'), await toFile(Buffer.from(WARRANTY), 'two.txt')] },
      { pollIntervalMs: 50 },
    );
    expect(batch.file_counts).toMatchObject({ completed: 2, total: 2 });

    const file = await upload(alice, WARRANTY, 'three.txt');
    const custom = await alice.vectorStores.fileBatches.createAndPoll(
      store.id,
      {
        files: [
          {
            file_id: file.id,
            attributes: { lang: 'en' },
            chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 10 } },
          },
        ],
      },
      { pollIntervalMs: 50 },
    );
    expect(custom.file_counts).toMatchObject({ completed: 1, total: 1 });
    await expect(alice.vectorStores.files.retrieve(file.id, { vector_store_id: store.id })).resolves.toMatchObject({
      attributes: { lang: 'en' },
      chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 10 } },
    });
  });

  it('should attach file_ids given at vector store creation', async () => {
    const file = await upload(alice, MANUAL, 'manual.txt');
    const store = await alice.vectorStores.create({
      name: 'With files',
      file_ids: [file.id],
      chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 0 } },
    });
    expect(store.file_counts.total).toBe(1);
    const indexed = await alice.vectorStores.files.poll(store.id, file.id, { pollIntervalMs: 50 });
    expect(indexed).toMatchObject({
      status: 'completed',
      chunking_strategy: { static: { max_chunk_size_tokens: 200, chunk_overlap_tokens: 0 } },
    });
    await expect(alice.vectorStores.retrieve(store.id)).resolves.toMatchObject({
      status: 'completed',
      file_counts: { completed: 1, total: 1 },
    });
  });

  describe('cancel', () => {
    // An API-only server indexes nothing, so a batch stays in progress until cancelled.
    let apiOnly: TestApp;
    beforeAll(async () => {
      apiOnly = await startTestApp({ POSTE_ROLE: 'api' });
    });
    afterAll(() => apiOnly?.close());

    it('should cancel the files still being indexed and never index them afterwards', async () => {
      const client = apiOnly.sdk('alice');
      const store = await client.vectorStores.create({ name: 'Cancel me' });
      const file = await upload(client, MANUAL, 'manual.txt');
      const batch = await client.vectorStores.fileBatches.create(store.id, { file_ids: [file.id] });
      expect(batch.status).toBe('in_progress');

      const cancelled = await client.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: store.id });
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        file_counts: { in_progress: 0, cancelled: 1, total: 1 },
      });
      await expect(client.vectorStores.retrieve(store.id)).resolves.toMatchObject({
        status: 'completed',
        file_counts: { cancelled: 1, in_progress: 0 },
      });
      await expect(
        client.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: store.id }),
      ).resolves.toMatchObject({ status: 'cancelled' });
      const chunks = await apiOnly.sql('SELECT id FROM vector_store_chunks WHERE file_id = $1', [file.id]);
      expect(chunks).toEqual([]);
    });

    it('should refuse to cancel a batch that already completed', async () => {
      const store = await alice.vectorStores.create({ name: 'Done' });
      const file = await upload(alice, MANUAL, 'manual.txt');
      const batch = await alice.vectorStores.fileBatches.createAndPoll(
        store.id,
        { file_ids: [file.id] },
        { pollIntervalMs: 50 },
      );
      await expect(
        alice.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: store.id }),
      ).rejects.toMatchObject({ status: 400 });
    });
  });

  describe('bad input', () => {
    let storeId: string;
    let fileId: string;

    beforeAll(async () => {
      storeId = (await alice.vectorStores.create({ name: 'Validation' })).id;
      fileId = (await upload(alice, MANUAL, 'a.txt')).id;
    });

    const post = (path: string, body: unknown, user: 'alice' | 'bob' = 'alice') =>
      app
        .http()
        .post(`/api/ai${path}`)
        .set('Authorization', basicAuth(user))
        .send(body as object);

    it.each([
      ['neither file_ids nor files', {}, 'file_ids'],
      ['an empty file_ids', { file_ids: [] }, 'file_ids'],
      ['too many files', { file_ids: Array.from({ length: 2001 }, (_, i) => `file-${i}`) }, 'file_ids'],
      ['both file_ids and files', { file_ids: ['FILE'], files: [{ file_id: 'FILE' }] }, 'files'],
      ['an unknown file among known ones', { file_ids: ['FILE', 'file-missing'] }, 'file_ids'],
      ['an unknown file in files', { files: [{ file_id: 'file-missing' }] }, 'files'],
      [
        'a bad chunking strategy',
        { file_ids: ['FILE'], chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 5000 } } },
        'chunking_strategy.static.max_chunk_size_tokens',
      ],
    ])('should reject a batch with %s, naming %s, and attach nothing', async (_label, body, param) => {
      const response = await post(
        `/vector_stores/${storeId}/file_batches`,
        JSON.parse(JSON.stringify(body).replaceAll('FILE', fileId)),
      );
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error' });
      expect(response.body.error.param).toBe(param);
      await expect(app.sql('SELECT 1 FROM vector_store_files WHERE vector_store_id = $1', [storeId])).resolves.toEqual(
        [],
      );
      await expect(
        app.sql('SELECT 1 FROM vector_store_file_batches WHERE vector_store_id = $1', [storeId]),
      ).resolves.toEqual([]);
    });

    it('should reject file_ids at creation that are not the caller’s, creating no store', async () => {
      const before = await app.sql('SELECT count(*)::int AS n FROM vector_stores');
      const response = await post('/vector_stores', { name: 'x', file_ids: [fileId] }, 'bob');
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe('file_ids');
      await expect(app.sql('SELECT count(*)::int AS n FROM vector_stores')).resolves.toEqual(before);
    });

    it("should answer 404 for unknown batches and for another tenant's", async () => {
      await expect(
        alice.vectorStores.fileBatches.retrieve('vsfb_missing', { vector_store_id: storeId }),
      ).rejects.toMatchObject({ status: 404 });
      const batch = await alice.vectorStores.fileBatches.create(storeId, { file_ids: [fileId] });
      await expect(bob.vectorStores.fileBatches.retrieve(batch.id, { vector_store_id: storeId })).rejects.toMatchObject(
        { status: 404 },
      );
      await expect(bob.vectorStores.fileBatches.cancel(batch.id, { vector_store_id: storeId })).rejects.toMatchObject({
        status: 404,
      });
      const bobsStore = await bob.vectorStores.create({ name: 'bob' });
      await expect(
        bob.vectorStores.fileBatches.listFiles(batch.id, { vector_store_id: bobsStore.id }),
      ).rejects.toMatchObject({ status: 404 });
    });
  });
});
