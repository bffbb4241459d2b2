import OpenAI from 'openai';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';
import { basicAuth } from '../support/users';

describe('Run limits and detached execution (e2e)', () => {
  let model: ScriptedModel;
  let app: TestApp;
  let alice: OpenAI;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    app = await startTestApp({
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: 'test',
      MODEL_MAX_RETRIES: '0',
      RUN_MAX_STEPS: '2',
    });
    alice = app.sdk('alice');
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await app?.close();
    await model.stop();
  });

  it('should finish and store a streamed run whose client disconnected mid-stream', async () => {
    const assistant = await alice.beta.assistants.create({ model: 'gpt-4o' });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Tell me a story' }] });
    model.enqueue({ content: 'Once upon a time there was a server that kept going.', chunkDelayMs: 30 });
    const response = await fetch(`${app.baseURL}/threads/${thread.id}/runs`, {
      method: 'POST',
      headers: { Authorization: basicAuth('alice'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    while (!received.includes('thread.message.delta')) {
      received += new TextDecoder().decode((await reader.read()).value);
    }
    await reader.cancel();
    const runId = /"id":"(run_[A-Za-z0-9]+)"/.exec(received)?.[1] as string;

    const run = await alice.beta.threads.runs.poll(runId, { thread_id: thread.id });
    expect(run.status).toBe('completed');
    const [answer] = (await alice.beta.threads.messages.list(thread.id)).data;
    expect(answer.content[0]).toMatchObject({
      text: { value: 'Once upon a time there was a server that kept going.' },
    });
  });

  it('should stream events in OpenAI order: run, step, message, deltas, completions, done', async () => {
    const assistant = await alice.beta.assistants.create({ model: 'gpt-4o' });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Hi' }] });
    model.enqueue({ content: 'Hello there' });
    const response = await app
      .http()
      .post(`/api/ai/threads/${thread.id}/runs`)
      .set('Authorization', basicAuth('alice'))
      .send({ assistant_id: assistant.id, stream: true });
    expect(response.headers['content-type']).toContain('text/event-stream');
    const names = [...response.text.matchAll(/^event: (.+)$/gm)]
      .map((match) => match[1])
      .filter((name) => name !== 'thread.message.delta');
    expect(names).toEqual([
      'thread.run.created',
      'thread.run.queued',
      'thread.run.in_progress',
      'thread.run.step.created',
      'thread.run.step.in_progress',
      'thread.message.created',
      'thread.message.in_progress',
      'thread.message.completed',
      'thread.run.step.completed',
      'thread.run.completed',
      'done',
    ]);
    expect(response.text.trimEnd().endsWith('event: done\ndata: [DONE]')).toBe(true);
  });

  it('should fail a run that reaches RUN_MAX_STEPS model turns, saying so', async () => {
    const assistant = await alice.beta.assistants.create({
      model: 'gpt-4o',
      tools: [{ type: 'function', function: { name: 'again' } }],
    });
    model.setDefault({ toolCalls: [{ name: 'again', arguments: '{}' }] });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'loop' }] });
    let run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    while (run.status === 'requires_action') {
      const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
      run = await alice.beta.threads.runs.submitToolOutputsAndPoll(run.id, {
        thread_id: thread.id,
        tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: 'more' })),
      });
    }
    model.setDefault({ content: 'OK' });
    expect(run).toMatchObject({
      status: 'failed',
      last_error: { code: 'server_error', message: expect.stringContaining('limit of 2 model turns') },
    });
    expect(model.chatRequests()).toHaveLength(2);
  });
});
