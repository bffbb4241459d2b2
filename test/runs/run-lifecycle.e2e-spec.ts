import OpenAI from 'openai';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';
import { basicAuth } from '../support/users';

describe('Run lifecycle (e2e)', () => {
  let model: ScriptedModel;
  let app: TestApp;
  let alice: OpenAI;
  let bob: OpenAI;
  let assistantId: string;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    app = await startTestApp({
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'test',
      MODEL_MAX_RETRIES: '1',
      MODEL_TIMEOUT_MS: '1500',
      RUN_EXPIRES_AFTER_SECONDS: '2',
      RUN_LEASE_SECONDS: '3',
    });
    alice = app.sdk('alice');
    bob = app.sdk('bob');
    assistantId = (await alice.beta.assistants.create({ model: 'gpt-4o', instructions: 'Be brief.' })).id;
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await app?.close();
    await model.stop();
  });

  const newThread = async (text = 'Hello') =>
    (await alice.beta.threads.create({ messages: [{ role: 'user', content: text }] })).id;
  const post = (path: string, body: object, user: 'alice' | 'bob' = 'alice') =>
    app.http().post(`/api/ai${path}`).set('Authorization', basicAuth(user)).send(body);

  it('should create a thread and run it in one call, streaming thread.created first', async () => {
    model.enqueue({ content: 'Created and ran' });
    const stream = alice.beta.threads.createAndRunStream({
      assistant_id: assistantId,
      thread: { messages: [{ role: 'user', content: 'Go' }], metadata: { via: 'createAndRun' } },
    });
    const events: string[] = [];
    stream.on('event', (event) => events.push(event.event));
    const run = await stream.finalRun();
    expect(events[0]).toBe('thread.created');
    expect(run.status).toBe('completed');
    await expect(alice.beta.threads.retrieve(run.thread_id)).resolves.toMatchObject({
      metadata: { via: 'createAndRun' },
    });

    model.enqueue({ content: 'Polled' });
    const polled = await alice.beta.threads.createAndRunPoll({
      assistant_id: assistantId,
      thread: { messages: [{ role: 'user', content: 'Again' }] },
    });
    expect(polled.status).toBe('completed');
  });

  it('should answer runs/wait once the run stops, with the polling hint on retrievals', async () => {
    model.enqueue({ content: 'Waited', delayMs: 300 });
    const threadId = await newThread();
    const response = await post(`/threads/${threadId}/runs/wait`, { assistant_id: assistantId, timeout: 10 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ object: 'thread.run', status: 'completed' });

    model.enqueue({ content: 'slow', delayMs: 1200 });
    const slowThread = await newThread();
    const early = await post(`/threads/${slowThread}/runs/wait`, { assistant_id: assistantId, timeout: 1 });
    expect(early.body.status).toMatch(/queued|in_progress/);
    const poll = await app
      .http()
      .get(`/api/ai/threads/${slowThread}/runs/${early.body.id}`)
      .set('Authorization', basicAuth('alice'));
    expect(Number(poll.headers['openai-poll-after-ms'])).toBeLessThanOrEqual(1000);
    await alice.beta.threads.runs.poll(early.body.id, { thread_id: slowThread });
  });

  it('should cancel a run in flight: the model call is aborted and the run ends cancelled', async () => {
    model.enqueue({ hang: true });
    const threadId = await newThread();
    const run = await alice.beta.threads.runs.create(threadId, { assistant_id: assistantId });
    await model.waitForChatRequests(1);
    const cancelling = await alice.beta.threads.runs.cancel(run.id, { thread_id: threadId });
    expect(['cancelling', 'cancelled']).toContain(cancelling.status);
    const final = await alice.beta.threads.runs.poll(run.id, { thread_id: threadId });
    expect(final).toMatchObject({ status: 'cancelled', cancelled_at: expect.any(Number) });
    // The thread is free again.
    await expect(
      alice.beta.threads.messages.create(threadId, { role: 'user', content: 'next' }),
    ).resolves.toBeDefined();
  });

  it('should cancel a queued run at once, and refuse to cancel a finished one', async () => {
    model.enqueue({ toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }] });
    const assistant = await alice.beta.assistants.create({
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    const threadId = await newThread();
    const waiting = await alice.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistant.id });
    expect(waiting.status).toBe('requires_action');
    await expect(alice.beta.threads.runs.cancel(waiting.id, { thread_id: threadId })).resolves.toMatchObject({
      status: 'cancelled',
    });
    const again = await post(`/threads/${threadId}/runs/${waiting.id}/cancel`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain("Cannot cancel run with status 'cancelled'");
  });

  it('should expire a run left in requires_action past expires_at', async () => {
    model.enqueue({ toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }] });
    const assistant = await alice.beta.assistants.create({
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    const threadId = await newThread();
    const waiting = await alice.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistant.id });
    expect(waiting.expires_at).toBe(waiting.created_at + 2);
    for (let attempt = 0; attempt < 60; attempt++) {
      const run = await alice.beta.threads.runs.retrieve(waiting.id, { thread_id: threadId });
      if (run.status === 'expired') {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the run did not expire');
  }, 30_000);

  it('should let exactly one of two concurrent run creations win on a thread', async () => {
    model.setDefault({ content: 'ok', delayMs: 500 });
    const threadId = await newThread();
    const [first, second] = await Promise.all([
      post(`/threads/${threadId}/runs`, { assistant_id: assistantId }),
      post(`/threads/${threadId}/runs`, { assistant_id: assistantId }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 400]);
    const loser = first.status === 400 ? first : second;
    expect(loser.body.error.message).toMatch(/already has an active run run_/);
    const messageWhileActive = await post(`/threads/${threadId}/messages`, { role: 'user', content: 'too soon' });
    expect(messageWhileActive.status).toBe(400);
    expect(messageWhileActive.body.error.message).toMatch(
      /Can't add messages to thread_.* while a run run_.* is active/,
    );
    const winner = first.status === 200 ? first : second;
    await alice.beta.threads.runs.poll(winner.body.id, { thread_id: threadId });
    model.setDefault({ content: 'OK' });
  });

  it('should pass run parameters over the assistant’s and send them to the model', async () => {
    model.enqueue({ content: '{"ok":true}' });
    const threadId = await newThread('JSON please');
    const run = await alice.beta.threads.runs.createAndPoll(threadId, {
      assistant_id: assistantId,
      model: 'scripted',
      instructions: 'Answer in JSON.',
      additional_instructions: 'Keep it short.',
      additional_messages: [{ role: 'user', content: 'Extra context' }],
      temperature: 0.3,
      top_p: 0.5,
      response_format: { type: 'json_object' },
      metadata: { ticket: '42' },
    });
    expect(run).toMatchObject({
      status: 'completed',
      model: 'scripted',
      temperature: 0.3,
      top_p: 0.5,
      metadata: { ticket: '42' },
    });
    const body = model.chatRequests()[0].body;
    expect(body).toMatchObject({
      model: 'scripted',
      temperature: 0.3,
      top_p: 0.5,
      response_format: { type: 'json_object' },
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Answer in JSON.\n\nKeep it short.' },
      { role: 'user', content: 'JSON please' },
      { role: 'user', content: 'Extra context' },
    ]);
  });

  it('should keep only the last messages with truncation_strategy last_messages', async () => {
    const thread = await alice.beta.threads.create({
      messages: ['one', 'two', 'three', 'four'].map((content) => ({ role: 'user' as const, content })),
    });
    await alice.beta.threads.runs.createAndPoll(thread.id, {
      assistant_id: assistantId,
      truncation_strategy: { type: 'last_messages', last_messages: 2 },
    });
    expect(model.chatRequests()[0].body.messages.map((message: { content: string }) => message.content)).toEqual([
      'Be brief.',
      'three',
      'four',
    ]);
  });

  it('should drop the oldest messages to fit max_prompt_tokens, or end incomplete when nothing fits', async () => {
    const long = 'word '.repeat(200);
    const thread = await alice.beta.threads.create({
      messages: [long, long, 'short question'].map((content) => ({ role: 'user' as const, content })),
    });
    await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId, max_prompt_tokens: 300 });
    const sent = model.chatRequests()[0].body.messages.map((message: { content: string }) => message.content);
    expect(sent).toEqual(['Be brief.', long, 'short question']);

    const hopeless = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'word '.repeat(400) }] });
    const run = await alice.beta.threads.runs.createAndPoll(hopeless.id, {
      assistant_id: assistantId,
      max_prompt_tokens: 256,
    });
    expect(run).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_prompt_tokens' } });
  });

  it('should end incomplete when the completion budget runs out', async () => {
    model.enqueue({
      content: 'cut short',
      finishReason: 'length',
      usage: { prompt_tokens: 10, completion_tokens: 16 },
    });
    const threadId = await newThread();
    const run = await alice.beta.threads.runs.createAndPoll(threadId, {
      assistant_id: assistantId,
      max_completion_tokens: 16,
    });
    expect(run).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_completion_tokens' },
      usage: { prompt_tokens: 10, completion_tokens: 16, total_tokens: 26 },
    });
    expect(model.chatRequests()[0].body.max_completion_tokens).toBe(16);
    const [message] = (await alice.beta.threads.messages.list(threadId)).data;
    expect(message).toMatchObject({ role: 'assistant', status: 'incomplete' });
  });

  it.each([
    [{ status: 429, headers: { 'retry-after': '0' } }, 'rate_limit_exceeded'],
    [{ status: 500 }, 'server_error'],
    [
      {
        status: 404,
        errorBody: { error: { message: 'The model `nope` does not exist', type: 'invalid_request_error' } },
      },
      'invalid_prompt',
    ],
    [{ hang: true }, 'server_error'],
  ])(
    'should fail the run after retries when the model answers %j',
    async (turn, code) => {
      model.setDefault(turn);
      const threadId = await newThread();
      const run = await alice.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId });
      model.setDefault({ content: 'OK' });
      expect(run).toMatchObject({
        status: 'failed',
        failed_at: expect.any(Number),
        last_error: { code, message: expect.any(String) },
      });
      // Transient errors are retried once (MODEL_MAX_RETRIES=1); a rejected request is not.
      expect(model.chatRequests()).toHaveLength(code === 'invalid_prompt' ? 1 : 2);
      await expect(
        alice.beta.threads.messages.create(threadId, { role: 'user', content: 'free again' }),
      ).resolves.toBeDefined();
    },
    20_000,
  );

  describe('bad input', () => {
    it.each([
      [{}, 'assistant_id'],
      [{ assistant_id: 'asst_unknown' }, 'assistant_id'],
      [{ assistant_id: 'ASSISTANT', truncation_strategy: { type: 'middle' } }, 'truncation_strategy.type'],
      [
        { assistant_id: 'ASSISTANT', truncation_strategy: { type: 'last_messages' } },
        'truncation_strategy.last_messages',
      ],
      [{ assistant_id: 'ASSISTANT', max_prompt_tokens: 10 }, 'max_prompt_tokens'],
      [{ assistant_id: 'ASSISTANT', max_completion_tokens: 0 }, 'max_completion_tokens'],
      [{ assistant_id: 'ASSISTANT', tool_choice: { type: 'function' } }, 'tool_choice.function.name'],
      [
        { assistant_id: 'ASSISTANT', additional_messages: [{ role: 'system', content: 'x' }] },
        'additional_messages[0].role',
      ],
    ])('should reject %j naming %s, creating no run', async (body, param) => {
      const threadId = await newThread();
      const payload = JSON.parse(JSON.stringify(body).replace('ASSISTANT', assistantId));
      const response = await post(`/threads/${threadId}/runs`, payload);
      expect([400, 404]).toContain(response.status);
      expect(response.body.error.param).toBe(param);
      await expect(alice.beta.threads.runs.list(threadId)).resolves.toMatchObject({ data: [] });
    });

    it("should hide one tenant's runs from another and refuse a foreign assistant", async () => {
      const threadId = await newThread();
      const run = await alice.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId });
      await expect(bob.beta.threads.runs.retrieve(run.id, { thread_id: threadId })).rejects.toMatchObject({
        status: 404,
      });
      await expect(bob.beta.threads.runs.list(threadId)).rejects.toMatchObject({ status: 404 });
      await expect(bob.beta.threads.runs.cancel(run.id, { thread_id: threadId })).rejects.toMatchObject({
        status: 404,
      });
      await expect(bob.beta.threads.runs.steps.list(run.id, { thread_id: threadId })).rejects.toMatchObject({
        status: 404,
      });
      const bobsThread = (await bob.beta.threads.create()).id;
      const foreign = await post(`/threads/${bobsThread}/runs`, { assistant_id: assistantId }, 'bob');
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.param).toBe('assistant_id');
    });
  });
});
