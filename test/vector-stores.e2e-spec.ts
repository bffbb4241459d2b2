import OpenAI from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('Vector stores (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app.close());

  it('should create, retrieve, modify, list and delete a vector store through the SDK', async () => {
    const store = await alice.vectorStores.create({
      name: 'Knowledge base',
      metadata: { lang: 'en' },
      expires_after: { anchor: 'last_active_at', days: 7 },
    });
    expect(store).toMatchObject({
      object: 'vector_store',
      name: 'Knowledge base',
      metadata: { lang: 'en' },
      status: 'completed',
      usage_bytes: 0,
      file_counts: { in_progress: 0, completed: 0, failed: 0, cancelled: 0, total: 0 },
      expires_after: { anchor: 'last_active_at', days: 7 },
    });
    expect(store.id).toMatch(/^vs_/);
    expect(store.expires_at).toBe((store.last_active_at as number) + 7 * 86_400);

    await expect(alice.vectorStores.retrieve(store.id)).resolves.toEqual(store);
    const updated = await alice.vectorStores.update(store.id, { name: 'KB', expires_after: null });
    expect(updated).toMatchObject({ name: 'KB', expires_after: null, expires_at: null });

    const listed = await alice.vectorStores.list();
    expect(listed.data.map((item) => item.id)).toContain(store.id);

    await expect(alice.vectorStores.delete(store.id)).resolves.toEqual({
      id: store.id,
      object: 'vector_store.deleted',
      deleted: true,
    });
    await expect(alice.vectorStores.retrieve(store.id)).rejects.toMatchObject({ status: 404 });
  });

  it('should serve every route under the /vector-stores alias too', async () => {
    const auth = basicAuth('alice');
    const created = await app.http().post('/api/ai/vector-stores').set('Authorization', auth).send({ name: 'alias' });
    expect(created.status).toBe(200);
    const id = created.body.id as string;
    await expect(app.http().get(`/api/ai/vector-stores/${id}`).set('Authorization', auth)).resolves.toMatchObject({
      status: 200,
      body: { id, name: 'alias' },
    });
    await expect(
      app.http().post(`/api/ai/vector-stores/${id}`).set('Authorization', auth).send({ name: 'renamed' }),
    ).resolves.toMatchObject({ status: 200, body: { name: 'renamed' } });
    const list = await app.http().get('/api/ai/vector-stores').set('Authorization', auth);
    expect(list.body.data.map((store: { id: string }) => store.id)).toContain(id);
    await expect(app.http().delete(`/api/ai/vector-stores/${id}`).set('Authorization', auth)).resolves.toMatchObject({
      status: 200,
      body: { id, object: 'vector_store.deleted', deleted: true },
    });
  });

  it('should report a store whose expiry has passed as expired', async () => {
    const store = await alice.vectorStores.create({
      name: 'old',
      expires_after: { anchor: 'last_active_at', days: 1 },
    });
    await app.sql('UPDATE vector_stores SET last_active_at = last_active_at - 2 * 86400 WHERE id = $1', [store.id]);
    await expect(alice.vectorStores.retrieve(store.id)).resolves.toMatchObject({ status: 'expired' });
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a name over 256 characters', { name: 'n'.repeat(257) }, 'name'],
    ['an unknown expiry anchor', { expires_after: { anchor: 'created_at', days: 1 } }, 'expires_after.anchor'],
    ['an expiry of 0 days', { expires_after: { anchor: 'last_active_at', days: 0 } }, 'expires_after.days'],
    ['an expiry of 366 days', { expires_after: { anchor: 'last_active_at', days: 366 } }, 'expires_after.days'],
    ['bad metadata', { metadata: ['a'] }, 'metadata'],
    ['an unknown file id', { file_ids: ['file-abc'] }, 'file_ids'],
    ['file ids that are not strings', { file_ids: [42] }, 'file_ids'],
  ];

  it.each(cases)('should reject %s with a 400 naming the param, writing nothing', async (_name, body, param) => {
    const before = await app.sql('SELECT id FROM vector_stores');
    const response = await app.http().post('/api/ai/vector_stores').set('Authorization', basicAuth('alice')).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
    await expect(app.sql('SELECT id FROM vector_stores')).resolves.toEqual(before);
  });

  it("should hide one tenant's vector stores from another", async () => {
    const store = await alice.vectorStores.create({ name: 'private' });
    await expect(bob.vectorStores.retrieve(store.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.vectorStores.update(store.id, { name: 'x' })).rejects.toMatchObject({ status: 404 });
    await expect(bob.vectorStores.delete(store.id)).rejects.toMatchObject({ status: 404 });
    const bobs = await bob.vectorStores.list();
    expect(bobs.data.map((item) => item.id)).not.toContain(store.id);
  });
});
