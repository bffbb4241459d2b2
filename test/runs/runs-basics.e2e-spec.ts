import OpenAI from 'openai';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';

describe('Runs (e2e)', () => {
  let model: ScriptedModel;
  let app: TestApp;
  let alice: OpenAI;
  let assistantId: string;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    app = await startTestApp({ OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test', MODEL_MAX_RETRIES: '0' });
    alice = app.sdk('alice');
    assistantId = (await alice.beta.assistants.create({ model: 'gpt-4o', instructions: 'You are Poste.' })).id;
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await app?.close();
    await model.stop();
  });

  it('should complete a run through createAndPoll and store the answer as an assistant message', async () => {
    model.enqueue({ content: 'Hello from the model' });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Hi' }] });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    expect(run).toMatchObject({
      status: 'completed',
      thread_id: thread.id,
      assistant_id: assistantId,
      model: 'gpt-4o',
    });
    const messages = await alice.beta.threads.messages.list(thread.id, { order: 'asc' });
    expect(messages.data.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(messages.data[1]).toMatchObject({
      run_id: run.id,
      assistant_id: assistantId,
      status: 'completed',
      content: [{ type: 'text', text: { value: 'Hello from the model', annotations: [] } }],
    });
    const [request] = model.chatRequests();
    expect(request.body.messages).toEqual([
      { role: 'system', content: 'You are Poste.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('should stream a run whose text equals the stored message', async () => {
    model.enqueue({ content: 'Streaming works nicely', chunkDelayMs: 5 });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Stream please' }] });
    const stream = alice.beta.threads.runs.stream(thread.id, { assistant_id: assistantId });
    const events: string[] = [];
    stream.on('event', (event) => events.push(event.event));
    const finalRun = await stream.finalRun();
    const [finalMessage] = await stream.finalMessages();
    expect(finalRun.status).toBe('completed');
    expect(finalMessage.content[0]).toMatchObject({ type: 'text', text: { value: 'Streaming works nicely' } });
    const stored = await alice.beta.threads.messages.retrieve(finalMessage.id, { thread_id: thread.id });
    expect(stored.content).toEqual(finalMessage.content);
    expect(events[0]).toBe('thread.run.created');
    expect(events).toEqual(
      expect.arrayContaining(['thread.run.in_progress', 'thread.message.delta', 'thread.run.completed']),
    );
  });
});
