import OpenAI from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('List pagination (e2e)', () => {
  let app: TestApp;
  let alice: OpenAI;
  let threadId: string;
  let created: string[];

  beforeAll(async () => {
    app = await startTestApp();
    alice = app.sdk('alice');
    threadId = (await alice.beta.threads.create()).id;
    // 45 messages in a burst: many share a created_at second, so order must come from insertion.
    created = [];
    for (let i = 0; i < 45; i++) {
      created.push((await alice.beta.threads.messages.create(threadId, { role: 'user', content: `m${i}` })).id);
    }
  });
  afterAll(() => app.close());

  it('should have created most messages within the same second (the case under test)', async () => {
    const seconds = await app.sql<{ n: string }>(
      'SELECT count(DISTINCT created_at) AS n FROM messages WHERE thread_id = $1',
      [threadId],
    );
    expect(Number(seconds[0].n)).toBeLessThan(45);
  });

  it('should walk every page forwards with after, in insertion order, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let hasMore = true;
    while (hasMore) {
      const page = await alice.beta.threads.messages.list(threadId, { order: 'asc', limit: 10, after });
      seen.push(...page.data.map((message) => message.id));
      hasMore = page.has_more;
      after = page.data.at(-1)?.id;
    }
    expect(seen).toEqual(created);
  });

  it('should auto-paginate through the SDK in descending order by default', async () => {
    const ids: string[] = [];
    for await (const message of alice.beta.threads.messages.list(threadId, { limit: 7 })) {
      ids.push(message.id);
    }
    expect(ids).toEqual([...created].reverse());
  });

  it('should return the page just before a cursor with before, in the requested order', async () => {
    const ascBefore = await alice.beta.threads.messages.list(threadId, { order: 'asc', limit: 5, before: created[20] });
    expect(ascBefore.data.map((message) => message.id)).toEqual(created.slice(15, 20));
    expect(ascBefore.has_more).toBe(true);

    const descBefore = await alice.beta.threads.messages.list(threadId, {
      order: 'desc',
      limit: 5,
      before: created[20],
    });
    expect(descBefore.data.map((message) => message.id)).toEqual(created.slice(21, 26).reverse());

    const first = await alice.beta.threads.messages.list(threadId, { order: 'asc', limit: 5, before: created[3] });
    expect(first.data.map((message) => message.id)).toEqual(created.slice(0, 3));
    expect(first.has_more).toBe(false);
  });

  it('should fill first_id, last_id and has_more', async () => {
    // The SDK's page object keeps only data and has_more, so read the wire envelope itself.
    const list = async (query: string) =>
      (await app.http().get(`/api/ai/threads/${threadId}/messages?${query}`).set('Authorization', basicAuth('alice')))
        .body;
    await expect(list('order=asc&limit=3')).resolves.toMatchObject({
      object: 'list',
      first_id: created[0],
      last_id: created[2],
      has_more: true,
    });
    await expect(list(`order=asc&limit=100&after=${created[40]}`)).resolves.toMatchObject({
      first_id: created[41],
      last_id: created[44],
      has_more: false,
    });
    await expect(list(`order=asc&after=${created[44]}`)).resolves.toEqual({
      object: 'list',
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
    });
  });

  it('should paginate assistants created in a burst in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await alice.beta.assistants.create({ model: 'm', name: `a${i}` })).id);
    }
    const pageOne = await alice.beta.assistants.list({ order: 'asc', limit: 5 });
    const pageTwo = await alice.beta.assistants.list({ order: 'asc', limit: 5, after: pageOne.data[4].id });
    expect([...pageOne.data, ...pageTwo.data].map((assistant) => assistant.id)).toEqual(ids.slice(0, 10));
  });

  const badQueries: Array<[string, string]> = [
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['order=sideways', 'order'],
    ['after=msg_unknown', 'after'],
    ['before=msg_unknown', 'before'],
  ];

  it.each(badQueries)('should reject ?%s with a 400 naming the param', async (query, param) => {
    const response = await app
      .http()
      .get(`/api/ai/threads/${threadId}/messages?${query}`)
      .set('Authorization', basicAuth('alice'));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('should not accept a cursor from another list', async () => {
    const other = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'x' }] });
    const [foreign] = (await alice.beta.threads.messages.list(other.id)).data;
    await expect(alice.beta.threads.messages.list(threadId, { after: foreign.id })).rejects.toMatchObject({
      status: 400,
      param: 'after',
    });
  });
});
