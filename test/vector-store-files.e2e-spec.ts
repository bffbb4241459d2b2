import OpenAI, { toFile } from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

const FAQ = `# Returns
Parcels can be returned within 30 days for a full refund. Print the prepaid label from your account.

# Shipping
Standard shipping takes three to five business days. Express delivery arrives the next day.`;

const PRICING = `Our premium subscription costs twelve euros per month. Annual billing saves two months.`;

describe('Vector store files and search (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app?.close());

  async function upload(client: OpenAI, text: string | Buffer, filename: string) {
    return client.files.create({ file: await toFile(Buffer.from(text), filename), purpose: 'assistants' });
  }

  async function indexed(client: OpenAI, storeId: string, fileId: string) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const file = await client.vectorStores.files.retrieve(fileId, { vector_store_id: storeId });
      if (file.status !== 'in_progress') {
        return file;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`file ${fileId} never finished indexing`);
  }

  it('should index an uploaded file and find its chunk by keywords', async () => {
    const store = await alice.vectorStores.create({ name: 'Help centre' });
    const faq = await upload(alice, FAQ, 'faq.md');
    const pricing = await upload(alice, PRICING, 'pricing.txt');
    const attached = await alice.vectorStores.files.create(store.id, {
      file_id: faq.id,
      attributes: { topic: 'support', year: 2026 },
    });
    expect(attached).toMatchObject({
      id: faq.id,
      object: 'vector_store.file',
      vector_store_id: store.id,
      status: 'in_progress',
      chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
    });
    await alice.vectorStores.files.create(store.id, {
      file_id: pricing.id,
      attributes: { topic: 'billing', year: 2025 },
    });
    await expect(indexed(alice, store.id, faq.id)).resolves.toMatchObject({ status: 'completed', last_error: null });
    await expect(indexed(alice, store.id, pricing.id)).resolves.toMatchObject({ status: 'completed' });

    const refreshed = await alice.vectorStores.retrieve(store.id);
    expect(refreshed.file_counts).toEqual({ in_progress: 0, completed: 2, failed: 0, cancelled: 0, total: 2 });
    expect(refreshed.usage_bytes).toBeGreaterThan(0);

    const page = await alice.vectorStores.search(store.id, { query: 'how long does a refund return take?' });
    expect(page.data[0]).toMatchObject({
      file_id: faq.id,
      filename: 'faq.md',
      attributes: { topic: 'support', year: 2026 },
    });
    expect(page.data[0].content[0].text).toContain('returned within 30 days');
    expect(page.data[0].score).toBeGreaterThan(0);
    expect(page.data[0].score).toBeLessThanOrEqual(1);

    const billing = await alice.vectorStores.search(store.id, { query: ['premium subscription price'] });
    expect(billing.data.map((hit) => hit.file_id)).toEqual([pricing.id]);
  });

  it('should filter by attributes, honour max_num_results and the score threshold', async () => {
    const store = await alice.vectorStores.create({ name: 'Filtered' });
    const files = [];
    for (const [index, topic] of ['support', 'billing', 'support'].entries()) {
      const file = await upload(alice, `Delivery note number ${index}: parcels travel by truck.`, `note-${index}.txt`);
      await alice.vectorStores.files.create(store.id, { file_id: file.id, attributes: { topic, rank: index } });
      files.push(file);
    }
    for (const file of files) {
      await indexed(alice, store.id, file.id);
    }
    const search = (body: Record<string, unknown>) =>
      app.http().post(`/api/ai/vector_stores/${store.id}/search`).set('Authorization', basicAuth('alice')).send(body);

    const support = await search({ query: 'parcels truck', filters: { type: 'eq', key: 'topic', value: 'support' } });
    expect(support.body.data.map((hit: { file_id: string }) => hit.file_id).sort()).toEqual(
      [files[0].id, files[2].id].sort(),
    );
    const compound = await search({
      query: 'parcels',
      filters: {
        type: 'and',
        filters: [
          { type: 'eq', key: 'topic', value: 'support' },
          { type: 'gt', key: 'rank', value: 0 },
        ],
      },
    });
    expect(compound.body.data.map((hit: { file_id: string }) => hit.file_id)).toEqual([files[2].id]);
    await expect(search({ query: 'parcels', max_num_results: 1 })).resolves.toMatchObject({
      body: { data: [expect.anything()] },
    });
    const strict = await search({ query: 'parcels', ranking_options: { score_threshold: 0.99 } });
    expect(strict.body.data).toEqual([]);
  });

  it('should leave out of the question a word found in most chunks while a rarer one is asked', async () => {
    const store = await alice.vectorStores.create({ name: 'Common words' });
    // One chunk per bulletin (100-token chunks): "warehouse" is in all of them, "forklift" in one.
    const filler = 'Shelves are counted and labelled by the night team before the doors open again. '.repeat(6);
    const bulletins = Array.from({ length: 12 }, (_, i) => `Warehouse bulletin ${i}. ${filler}`);
    bulletins.push(`Warehouse bulletin 12. The forklift licence course starts Monday. ${filler}`);
    const file = await upload(alice, bulletins.join('\n\n'), 'bulletins.txt');
    await alice.vectorStores.files.create(store.id, {
      file_id: file.id,
      chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 100, chunk_overlap_tokens: 0 } },
    });
    await indexed(alice, store.id, file.id);
    // PostgreSQL's statistics of the column say which words are in most chunks.
    await app.sql('ANALYZE vector_store_chunks');

    const page = await alice.vectorStores.search(store.id, { query: 'warehouse forklift', max_num_results: 5 });
    expect(page.data).toHaveLength(1);
    expect(page.data[0].content[0].text).toContain('forklift');
    const onlyCommon = await alice.vectorStores.search(store.id, { query: 'warehouse', max_num_results: 5 });
    expect(onlyCommon.data).toHaveLength(5);
  });

  it('should fail an unsupported or unreadable file cleanly, with last_error', async () => {
    const store = await alice.vectorStores.create({ name: 'Bad files' });
    const binary = await upload(alice, Buffer.from([0x00, 0x01, 0x02, 0xff]), 'image.bmp');
    await alice.vectorStores.files.create(store.id, { file_id: binary.id });
    await expect(indexed(alice, store.id, binary.id)).resolves.toMatchObject({
      status: 'failed',
      last_error: { code: 'unsupported_file', message: expect.any(String) },
    });
    const corrupt = await upload(alice, 'not really a pdf', 'broken.pdf');
    await alice.vectorStores.files.create(store.id, { file_id: corrupt.id });
    await expect(indexed(alice, store.id, corrupt.id)).resolves.toMatchObject({
      status: 'failed',
      last_error: { code: 'invalid_file' },
    });
    await expect(alice.vectorStores.retrieve(store.id)).resolves.toMatchObject({
      file_counts: { failed: 2, total: 2, in_progress: 0 },
    });
    const chunks = await app.sql('SELECT id FROM vector_store_chunks WHERE vector_store_id = $1', [store.id]);
    expect(chunks).toEqual([]);
  });

  it('should list, remove and cascade vector store files', async () => {
    const store = await alice.vectorStores.create({ name: 'Lifecycle' });
    const file = await upload(alice, FAQ, 'faq.md');
    await alice.vectorStores.files.create(store.id, { file_id: file.id });
    await indexed(alice, store.id, file.id);
    const listed = await alice.vectorStores.files.list(store.id, { filter: 'completed' });
    expect(listed.data.map((item) => item.id)).toEqual([file.id]);

    await expect(alice.vectorStores.files.delete(file.id, { vector_store_id: store.id })).resolves.toEqual({
      id: file.id,
      object: 'vector_store.file.deleted',
      deleted: true,
    });
    await expect(app.sql('SELECT id FROM vector_store_chunks WHERE file_id = $1', [file.id])).resolves.toEqual([]);
    await expect(alice.files.retrieve(file.id)).resolves.toMatchObject({ id: file.id });

    await alice.vectorStores.files.create(store.id, { file_id: file.id });
    await indexed(alice, store.id, file.id);
    await alice.files.delete(file.id);
    await expect(alice.vectorStores.retrieve(store.id)).resolves.toMatchObject({ file_counts: { total: 0 } });
  });

  describe('bad input', () => {
    let storeId: string;
    let fileId: string;

    beforeAll(async () => {
      storeId = (await alice.vectorStores.create({ name: 'Validation' })).id;
      fileId = (await upload(alice, 'text', 'a.txt')).id;
    });

    const attach = (body: Record<string, unknown>, user: 'alice' | 'bob' = 'alice') =>
      app.http().post(`/api/ai/vector_stores/${storeId}/files`).set('Authorization', basicAuth(user)).send(body);
    const search = (body: Record<string, unknown>) =>
      app.http().post(`/api/ai/vector_stores/${storeId}/search`).set('Authorization', basicAuth('alice')).send(body);

    it.each([
      [{ file_id: 'file-missing' }, 'file_id'],
      [
        {
          file_id: 'FILE',
          chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 50, chunk_overlap_tokens: 0 } },
        },
        'chunking_strategy.static.max_chunk_size_tokens',
      ],
      [
        {
          file_id: 'FILE',
          chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 500 } },
        },
        'chunking_strategy.static.chunk_overlap_tokens',
      ],
      [{ file_id: 'FILE', attributes: { nested: { a: 1 } } }, 'attributes.nested'],
    ])('should reject attaching %j naming %s, attaching nothing', async (body, param) => {
      const response = await attach(JSON.parse(JSON.stringify(body).replace('FILE', fileId)));
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
      await expect(alice.vectorStores.files.list(storeId)).resolves.toMatchObject({ data: [] });
    });

    it.each([
      [{ query: '' }, 'query'],
      [{ query: 'x', max_num_results: 51 }, 'max_num_results'],
      [{ query: 'x', filters: { type: 'like', key: 'a', value: 'b' } }, 'filters.type'],
      [{ query: 'x', ranking_options: { score_threshold: 2 } }, 'ranking_options.score_threshold'],
    ])('should reject searching with %j naming %s', async (body, param) => {
      const response = await search(body);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
    });

    it("should keep one tenant's stores and files away from another", async () => {
      await expect(bob.vectorStores.files.list(storeId)).rejects.toMatchObject({ status: 404 });
      await expect(bob.vectorStores.search(storeId, { query: 'text' })).rejects.toMatchObject({ status: 404 });
      const bobsStore = await bob.vectorStores.create({ name: 'bob' });
      const foreign = await app
        .http()
        .post(`/api/ai/vector_stores/${bobsStore.id}/files`)
        .set('Authorization', basicAuth('bob'))
        .send({ file_id: fileId });
      expect(foreign.status).toBe(400);
      expect(foreign.body.error.param).toBe('file_id');
    });

    it('should count a search as activity, pushing the expiry back', async () => {
      const store = await alice.vectorStores.create({
        name: 'active',
        expires_after: { anchor: 'last_active_at', days: 1 },
      });
      await app.sql('UPDATE vector_stores SET last_active_at = last_active_at - 3600 WHERE id = $1', [store.id]);
      const before = await alice.vectorStores.retrieve(store.id);
      await alice.vectorStores.search(store.id, { query: 'anything' });
      const after = await alice.vectorStores.retrieve(store.id);
      expect(after.last_active_at).toBeGreaterThanOrEqual((before.last_active_at as number) + 3600);
      expect(after.expires_at).toBe((after.last_active_at as number) + 86_400);
    });

    it('should refuse to search an expired store', async () => {
      const store = await alice.vectorStores.create({
        name: 'old',
        expires_after: { anchor: 'last_active_at', days: 1 },
      });
      await app.sql('UPDATE vector_stores SET last_active_at = last_active_at - 2 * 86400 WHERE id = $1', [store.id]);
      await expect(alice.vectorStores.search(store.id, { query: 'anything' })).rejects.toMatchObject({ status: 400 });
    });
  });
});
