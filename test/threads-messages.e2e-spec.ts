import OpenAI, { toFile } from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('Threads and messages (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    bob = app.sdk('bob');
  });
  afterAll(() => app.close());

  const count = async (table: string) =>
    Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const textOf = (message: OpenAI.Beta.Threads.Message) =>
    message.content.map((part) => (part.type === 'text' ? part.text.value : `[${part.type}]`)).join('');

  it('should create a thread with initial messages and list them in order', async () => {
    const thread = await alice.beta.threads.create({
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'second' },
        { role: 'user', content: [{ type: 'text', text: 'third' }] },
      ],
      metadata: { customer: 'acme' },
    });
    expect(thread).toMatchObject({ object: 'thread', metadata: { customer: 'acme' }, tool_resources: {} });
    expect(thread.id).toMatch(/^thread_/);

    const asc = await alice.beta.threads.messages.list(thread.id, { order: 'asc' });
    expect(asc.data.map(textOf)).toEqual(['first', 'second', 'third']);
    expect(asc.data[0]).toMatchObject({
      object: 'thread.message',
      thread_id: thread.id,
      role: 'user',
      status: 'completed',
      content: [{ type: 'text', text: { value: 'first', annotations: [] } }],
      attachments: [],
      metadata: {},
      assistant_id: null,
      run_id: null,
    });
    const desc = await alice.beta.threads.messages.list(thread.id);
    expect(desc.data.map(textOf)).toEqual(['third', 'second', 'first']);
  });

  it('should add, retrieve, modify and delete a message through the SDK', async () => {
    const thread = await alice.beta.threads.create();
    const message = await alice.beta.threads.messages.create(thread.id, {
      role: 'user',
      content: 'Where is my parcel?',
      metadata: { channel: 'email' },
    });
    expect(message).toMatchObject({ role: 'user', metadata: { channel: 'email' } });
    expect(message.id).toMatch(/^msg_/);
    await expect(alice.beta.threads.messages.retrieve(message.id, { thread_id: thread.id })).resolves.toEqual(message);

    const updated = await alice.beta.threads.messages.update(message.id, {
      thread_id: thread.id,
      metadata: { channel: 'chat' },
    });
    expect(updated.metadata).toEqual({ channel: 'chat' });

    await expect(alice.beta.threads.messages.delete(message.id, { thread_id: thread.id })).resolves.toEqual({
      id: message.id,
      object: 'thread.message.deleted',
      deleted: true,
    });
    await expect(alice.beta.threads.messages.retrieve(message.id, { thread_id: thread.id })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('should store image parts and attachments that reference the caller’s files', async () => {
    const file = await alice.files.create({ file: await toFile(Buffer.from('pixels'), 'cat.png'), purpose: 'vision' });
    const thread = await alice.beta.threads.create();
    const message = await alice.beta.threads.messages.create(thread.id, {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in these?' },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
        { type: 'image_file', image_file: { file_id: file.id } },
      ],
      attachments: [{ file_id: file.id, tools: [{ type: 'file_search' }] }],
    });
    expect(message.content).toEqual([
      { type: 'text', text: { value: 'What is in these?', annotations: [] } },
      { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
      { type: 'image_file', image_file: { file_id: file.id, detail: 'auto' } },
    ]);
    expect(message.attachments).toEqual([{ file_id: file.id, tools: [{ type: 'file_search' }] }]);
  });

  it('should reject a file of another tenant in a message, naming the param, and write nothing', async () => {
    const bobsFile = await bob.files.create({
      file: await toFile(Buffer.from('secret'), 'b.txt'),
      purpose: 'assistants',
    });
    const threadsBefore = await count('threads');
    const messagesBefore = await count('messages');
    const error = await alice.beta.threads
      .create({
        messages: [
          { role: 'user', content: 'ok' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'look' },
              { type: 'image_file', image_file: { file_id: bobsFile.id } },
            ],
          },
        ],
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, param: 'messages[1].content[1].image_file.file_id' });
    await expect(count('threads')).resolves.toBe(threadsBefore);
    await expect(count('messages')).resolves.toBe(messagesBefore);

    const thread = await alice.beta.threads.create();
    await expect(
      alice.beta.threads.messages.create(thread.id, {
        role: 'user',
        content: 'x',
        attachments: [{ file_id: bobsFile.id }],
      }),
    ).rejects.toMatchObject({ status: 400, param: 'attachments[0].file_id' });
  });

  describe('validation', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a system role', { role: 'system', content: 'x' }, 'role'],
      ['missing content', { role: 'user' }, 'content'],
      ['empty content', { role: 'user', content: '' }, 'content'],
      ['empty parts', { role: 'user', content: [] }, 'content'],
      ['an unknown part type', { role: 'user', content: [{ type: 'audio' }] }, 'content[0].type'],
      [
        'an image_url that is not a URL',
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'cat' } }] },
        'content[0].image_url.url',
      ],
      [
        'a bad image detail',
        { role: 'user', content: [{ type: 'image_file', image_file: { file_id: 'f', detail: 'max' } }] },
        'content[0].image_file.detail',
      ],
      [
        'an attachment tool of unknown type',
        { role: 'user', content: 'x', attachments: [{ file_id: 'f', tools: [{ type: 'web' }] }] },
        'attachments[0].tools[0].type',
      ],
      ['bad metadata', { role: 'user', content: 'x', metadata: { k: 5 } }, 'metadata'],
    ];

    it.each(cases)('should reject %s with a 400 naming the param', async (_name, body, param) => {
      const thread = await alice.beta.threads.create();
      const response = await app
        .http()
        .post(`/api/ai/threads/${thread.id}/messages`)
        .set('Authorization', basicAuth('alice'))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
      await expect(alice.beta.threads.messages.list(thread.id)).resolves.toMatchObject({ data: [] });
    });

    it('should name the nested param of a bad initial message', async () => {
      const response = await app
        .http()
        .post('/api/ai/threads')
        .set('Authorization', basicAuth('alice'))
        .send({
          messages: [
            { role: 'user', content: 'ok' },
            { role: 'tool', content: 'x' },
          ],
        });
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe('messages[1].role');
    });
  });

  it('should delete a thread with all its messages', async () => {
    const thread = await alice.beta.threads.create({
      messages: [
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
      ],
    });
    await expect(alice.beta.threads.delete(thread.id)).resolves.toEqual({
      id: thread.id,
      object: 'thread.deleted',
      deleted: true,
    });
    const left = await app.sql('SELECT id FROM messages WHERE thread_id = $1', [thread.id]);
    expect(left).toEqual([]);
    await expect(alice.beta.threads.retrieve(thread.id)).rejects.toMatchObject({ status: 404 });
    await expect(alice.beta.threads.messages.list(thread.id)).rejects.toMatchObject({ status: 404 });
  });

  it('should modify a thread’s metadata and tool resources', async () => {
    const store = await alice.vectorStores.create({ name: 'kb' });
    const thread = await alice.beta.threads.create({ metadata: { a: '1' } });
    const updated = await alice.beta.threads.update(thread.id, {
      metadata: { a: '2', b: '3' },
      tool_resources: { file_search: { vector_store_ids: [store.id] } },
    });
    expect(updated).toMatchObject({
      metadata: { a: '2', b: '3' },
      tool_resources: { file_search: { vector_store_ids: [store.id] } },
    });
    await expect(alice.beta.threads.retrieve(thread.id)).resolves.toEqual(updated);
  });

  it('should list the caller’s threads filtered by metadata, with AND semantics', async () => {
    const tag = `t${Date.now()}`;
    const a = await alice.beta.threads.create({ metadata: { tag, tier: 'gold' } });
    const b = await alice.beta.threads.create({ metadata: { tag, tier: 'silver' } });
    await bob.beta.threads.create({ metadata: { tag, tier: 'gold' } });

    const byTag = await app
      .http()
      .get(`/api/ai/threads?metadata[tag]=${tag}&order=asc`)
      .set('Authorization', basicAuth('alice'));
    expect(byTag.status).toBe(200);
    expect(byTag.body.data.map((thread: { id: string }) => thread.id)).toEqual([a.id, b.id]);

    const both = await app
      .http()
      .get(`/api/ai/threads?metadata[tag]=${tag}&metadata[tier]=gold`)
      .set('Authorization', basicAuth('alice'));
    expect(both.body.data.map((thread: { id: string }) => thread.id)).toEqual([a.id]);

    const nested = await app.http().get('/api/ai/threads?metadata[a][b]=c').set('Authorization', basicAuth('alice'));
    expect(nested.status).toBe(400);
    expect(nested.body.error.param).toBe('metadata');
  });

  it("should hide one tenant's threads and messages from another", async () => {
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'private' }] });
    const [message] = (await alice.beta.threads.messages.list(thread.id)).data;
    await expect(bob.beta.threads.retrieve(thread.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.threads.update(thread.id, { metadata: { x: 'y' } })).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.threads.delete(thread.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.threads.messages.list(thread.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.threads.messages.create(thread.id, { role: 'user', content: 'hi' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(bob.beta.threads.messages.retrieve(message.id, { thread_id: thread.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      bob.beta.threads.messages.update(message.id, { thread_id: thread.id, metadata: {} }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(bob.beta.threads.messages.delete(message.id, { thread_id: thread.id })).rejects.toMatchObject({
      status: 404,
    });
    const bobsThreads = await app.http().get('/api/ai/threads?limit=100').set('Authorization', basicAuth('bob'));
    expect(bobsThreads.body.data.map((t: { id: string }) => t.id)).not.toContain(thread.id);
    await expect(alice.beta.threads.messages.list(thread.id)).resolves.toMatchObject({ data: [{ id: message.id }] });
  });

  it('should not find a message through another of the owner’s threads', async () => {
    const one = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'in one' }] });
    const other = await alice.beta.threads.create();
    const [message] = (await alice.beta.threads.messages.list(one.id)).data;
    await expect(alice.beta.threads.messages.retrieve(message.id, { thread_id: other.id })).rejects.toMatchObject({
      status: 404,
    });
  });
});
