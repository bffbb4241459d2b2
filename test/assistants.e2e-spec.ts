import OpenAI from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('Assistants (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app.close());

  const countAssistants = async () =>
    Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM assistants'))[0].n);

  it('should create, retrieve, modify, list and delete an assistant through the SDK', async () => {
    const created = await alice.beta.assistants.create({
      model: 'gpt-4o',
      name: 'Helper',
      description: 'Answers questions',
      instructions: 'Be brief.',
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } }],
      metadata: { team: 'support' },
      temperature: 0.2,
      top_p: 0.9,
      response_format: { type: 'json_object' },
      reasoning_effort: 'low',
    });
    expect(created).toMatchObject({
      object: 'assistant',
      model: 'gpt-4o',
      name: 'Helper',
      description: 'Answers questions',
      instructions: 'Be brief.',
      metadata: { team: 'support' },
      temperature: 0.2,
      top_p: 0.9,
      response_format: { type: 'json_object' },
      tools: [{ type: 'function', function: { name: 'lookup' } }],
    });
    expect(created.id).toMatch(/^asst_[A-Za-z0-9]{24}$/);
    expect(Math.abs(created.created_at - Date.now() / 1000)).toBeLessThan(5);

    await expect(alice.beta.assistants.retrieve(created.id)).resolves.toEqual(created);

    const updated = await alice.beta.assistants.update(created.id, { name: 'Renamed', metadata: { team: 'sales' } });
    expect(updated).toMatchObject({
      id: created.id,
      name: 'Renamed',
      metadata: { team: 'sales' },
      instructions: 'Be brief.',
    });

    const cleared = await alice.beta.assistants.update(created.id, { description: null });
    expect(cleared.description).toBeNull();

    const listed = await alice.beta.assistants.list();
    expect(listed.data.map((assistant) => assistant.id)).toContain(created.id);

    await expect(alice.beta.assistants.delete(created.id)).resolves.toEqual({
      id: created.id,
      object: 'assistant.deleted',
      deleted: true,
    });
    await expect(alice.beta.assistants.retrieve(created.id)).rejects.toMatchObject({ status: 404 });
  });

  it("should hide one tenant's assistants from another (404, never listed)", async () => {
    const mine = await alice.beta.assistants.create({ model: 'gpt-4o', name: 'private' });
    await expect(bob.beta.assistants.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.assistants.update(mine.id, { name: 'stolen' })).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.assistants.delete(mine.id)).rejects.toMatchObject({ status: 404 });
    const bobs = await bob.beta.assistants.list({ limit: 100 });
    expect(bobs.data.map((assistant) => assistant.id)).not.toContain(mine.id);
    await expect(alice.beta.assistants.retrieve(mine.id)).resolves.toMatchObject({ name: 'private' });
  });

  it('should answer an unknown assistant id with a 404 in the OpenAI envelope', async () => {
    const response = await app
      .http()
      .get('/api/ai/assistants/asst_doesnotexist')
      .set('Authorization', basicAuth('alice'));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: {
        message: "No assistant found with id 'asst_doesnotexist'.",
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
  });

  describe('validation', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['missing model', { name: 'x' }, 'model'],
      ['non-string model', { model: 42 }, 'model'],
      ['name too long', { model: 'm', name: 'n'.repeat(257) }, 'name'],
      ['temperature above 2', { model: 'm', temperature: 2.5 }, 'temperature'],
      ['top_p below 0', { model: 'm', top_p: -0.1 }, 'top_p'],
      ['unknown tool type', { model: 'm', tools: [{ type: 'browser' }] }, 'tools[0].type'],
      ['function without name', { model: 'm', tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name'],
      [
        'duplicate function names',
        {
          model: 'm',
          tools: [
            { type: 'function', function: { name: 'a' } },
            { type: 'function', function: { name: 'a' } },
          ],
        },
        'tools[1].function.name',
      ],
      [
        'file_search max_num_results out of range',
        { model: 'm', tools: [{ type: 'file_search', file_search: { max_num_results: 51 } }] },
        'tools[0].file_search.max_num_results',
      ],
      ['bad response_format type', { model: 'm', response_format: { type: 'yaml' } }, 'response_format.type'],
      [
        'json_schema without name',
        { model: 'm', response_format: { type: 'json_schema', json_schema: { schema: {} } } },
        'response_format.json_schema.name',
      ],
      ['bad reasoning_effort', { model: 'm', reasoning_effort: 'extreme' }, 'reasoning_effort'],
      [
        'metadata with 17 pairs',
        { model: 'm', metadata: Object.fromEntries([...Array(17).keys()].map((i) => [`k${i}`, 'v'])) },
        'metadata',
      ],
      ['metadata key of 65 chars', { model: 'm', metadata: { ['k'.repeat(65)]: 'v' } }, 'metadata'],
      ['metadata value of 513 chars', { model: 'm', metadata: { k: 'v'.repeat(513) } }, 'metadata'],
      ['metadata non-string value', { model: 'm', metadata: { k: 1 } }, 'metadata'],
      ['unknown parameter', { model: 'm', colour: 'blue' }, 'colour'],
      [
        'two vector stores',
        { model: 'm', tool_resources: { file_search: { vector_store_ids: ['vs_a', 'vs_b'] } } },
        'tool_resources.file_search.vector_store_ids',
      ],
    ];

    it.each(cases)('should reject %s with a 400 naming the param, writing nothing', async (_name, body, param) => {
      const before = await countAssistants();
      const response = await app.http().post('/api/ai/assistants').set('Authorization', basicAuth('alice')).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
      expect(typeof response.body.error.message).toBe('string');
      await expect(countAssistants()).resolves.toBe(before);
    });

    it('should accept metadata at the limits (16 pairs, 64-char keys, 512-char values)', async () => {
      const metadata = Object.fromEntries([...Array(16).keys()].map((i) => [`${i}`.padEnd(64, 'k'), 'v'.repeat(512)]));
      await expect(alice.beta.assistants.create({ model: 'm', metadata })).resolves.toMatchObject({ metadata });
    });

    it('should reject a vector store of another tenant in tool_resources as if it did not exist', async () => {
      const bobsStore = await bob.vectorStores.create({ name: 'bob kb' });
      for (const vectorStoreId of [bobsStore.id, 'vs_missing']) {
        const error = await alice.beta.assistants
          .create({ model: 'm', tool_resources: { file_search: { vector_store_ids: [vectorStoreId] } } })
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ status: 400, param: 'tool_resources.file_search.vector_store_ids' });
        expect((error as Error).message).toContain(`no vector store found with id '${vectorStoreId}'`);
      }
      const own = await alice.vectorStores.create({ name: 'alice kb' });
      const assistant = await alice.beta.assistants.create({
        model: 'm',
        tools: [{ type: 'file_search' }],
        tool_resources: { file_search: { vector_store_ids: [own.id] } },
      });
      expect(assistant.tool_resources).toEqual({ file_search: { vector_store_ids: [own.id] } });
    });

    it('should leave an assistant unchanged when a modification is rejected', async () => {
      const assistant = await alice.beta.assistants.create({ model: 'gpt-4o', name: 'stable' });
      const response = await app
        .http()
        .post(`/api/ai/assistants/${assistant.id}`)
        .set('Authorization', basicAuth('alice'))
        .send({ name: 'changed', temperature: 9 });
      expect(response.status).toBe(400);
      await expect(alice.beta.assistants.retrieve(assistant.id)).resolves.toMatchObject({ name: 'stable' });
    });
  });
});
