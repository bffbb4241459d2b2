import OpenAI from 'openai';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';
import { basicAuth } from '../support/users';

const WEATHER = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
};

describe('Runs with function tools (e2e)', () => {
  let model: ScriptedModel;
  let app: TestApp;
  let alice: OpenAI;
  let assistantId: string;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    app = await startTestApp({ OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test', MODEL_MAX_RETRIES: '0' });
    alice = app.sdk('alice');
    assistantId = (
      await alice.beta.assistants.create({ model: 'gpt-4o', instructions: 'Use tools.', tools: [WEATHER] })
    ).id;
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await app?.close();
    await model.stop();
  });

  it('should stop in requires_action with every parallel call, then finish after submitToolOutputsAndPoll', async () => {
    model.enqueue(
      {
        toolCalls: [
          { id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { id: 'call_rome', name: 'get_weather', arguments: '{"city":"Rome"}' },
        ],
      },
      { content: 'Paris is sunny, Rome is rainy.' },
    );
    const thread = await alice.beta.threads.create({
      messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }],
    });
    const waiting = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    expect(waiting.status).toBe('requires_action');
    expect(waiting.required_action).toEqual({
      type: 'submit_tool_outputs',
      submit_tool_outputs: {
        tool_calls: [
          { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_rome', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
    });

    const done = await alice.beta.threads.runs.submitToolOutputsAndPoll(waiting.id, {
      thread_id: thread.id,
      tool_outputs: [
        { tool_call_id: 'call_rome', output: 'rain' },
        { tool_call_id: 'call_paris', output: 'sun' },
      ],
    });
    expect(done).toMatchObject({ status: 'completed', required_action: null });
    expect(done.usage?.total_tokens).toBeGreaterThan(0);

    // The second model call saw the tool calls answered by tool messages paired by id.
    const second = model.chatRequests()[1].body;
    expect(second.tools).toEqual([
      expect.objectContaining({ type: 'function', function: expect.objectContaining({ name: 'get_weather' }) }),
    ]);
    expect(second.messages.slice(-3)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          { id: 'call_rome', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_paris', content: 'sun' },
      { role: 'tool', tool_call_id: 'call_rome', content: 'rain' },
    ]);

    const steps = await alice.beta.threads.runs.steps.list(done.id, { thread_id: thread.id, order: 'asc' });
    expect(steps.data.map((step) => [step.type, step.status])).toEqual([
      ['tool_calls', 'completed'],
      ['message_creation', 'completed'],
    ]);
    expect(steps.data[0].step_details).toMatchObject({
      type: 'tool_calls',
      tool_calls: [
        { id: 'call_paris', function: { output: 'sun' } },
        { id: 'call_rome', function: { output: 'rain' } },
      ],
    });
    expect(steps.data[1].usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('should stream tool calls, then stream the answer after submitting outputs', async () => {
    model.enqueue(
      { toolCalls: [{ id: 'call_x', name: 'get_weather', arguments: '{"city":"Oslo"}' }] },
      { content: 'Cold in Oslo.' },
    );
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Oslo?' }] });
    const stream = alice.beta.threads.runs.stream(thread.id, { assistant_id: assistantId });
    const waiting = await stream.finalRun();
    expect(waiting.status).toBe('requires_action');
    const continued = alice.beta.threads.runs.submitToolOutputsStream(waiting.id, {
      thread_id: thread.id,
      tool_outputs: [{ tool_call_id: 'call_x', output: '-5C' }],
    });
    const finalRun = await continued.finalRun();
    const [message] = await continued.finalMessages();
    expect(finalRun.status).toBe('completed');
    expect(message.content[0]).toMatchObject({ text: { value: 'Cold in Oslo.' } });
  });

  describe('submit_tool_outputs bad input', () => {
    let threadId: string;
    let runId: string;

    beforeEach(async () => {
      model.enqueue({
        toolCalls: [
          { id: 'call_a', name: 'get_weather', arguments: '{}' },
          { id: 'call_b', name: 'get_weather', arguments: '{}' },
        ],
      });
      threadId = (await alice.beta.threads.create({ messages: [{ role: 'user', content: 'x' }] })).id;
      runId = (await alice.beta.threads.runs.createAndPoll(threadId, { assistant_id: assistantId })).id;
    });

    const submit = (body: unknown) =>
      app
        .http()
        .post(`/api/ai/threads/${threadId}/runs/${runId}/submit_tool_outputs`)
        .set('Authorization', basicAuth('alice'))
        .send(body as object);

    it.each([
      [{ tool_outputs: [{ tool_call_id: 'call_a', output: '1' }] }, 'tool_outputs'],
      [
        {
          tool_outputs: [
            { tool_call_id: 'call_a', output: '1' },
            { tool_call_id: 'call_zzz', output: '2' },
          ],
        },
        'tool_outputs[1].tool_call_id',
      ],
      [{ tool_outputs: [] }, 'tool_outputs'],
      [{ tool_outputs: [{ output: '1' }] }, 'tool_outputs[0].tool_call_id'],
    ])('should reject %j naming %s and leave the run waiting', async (body, param) => {
      const response = await submit(body);
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe(param);
      await expect(alice.beta.threads.runs.retrieve(runId, { thread_id: threadId })).resolves.toMatchObject({
        status: 'requires_action',
      });
    });

    it('should refuse tool outputs for a run that is not waiting for them', async () => {
      model.enqueue({ content: 'done' });
      await submit({
        tool_outputs: [
          { tool_call_id: 'call_a', output: '1' },
          { tool_call_id: 'call_b', output: '2' },
        ],
      });
      await alice.beta.threads.runs.poll(runId, { thread_id: threadId });
      const again = await submit({
        tool_outputs: [
          { tool_call_id: 'call_a', output: '1' },
          { tool_call_id: 'call_b', output: '2' },
        ],
      });
      expect(again.status).toBe(400);
      expect(again.body.error.message).toContain('do not accept tool outputs');
    });
  });

  it('should pass tool_choice and parallel_tool_calls to the model, mapping file_search to its function', async () => {
    model.enqueue({ content: 'no tools needed' });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'x' }] });
    await alice.beta.threads.runs.createAndPoll(thread.id, {
      assistant_id: assistantId,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    });
    expect(model.chatRequests()[0].body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    });
  });

  it('should fail a run whose model calls code_interpreter, with a clear last_error', async () => {
    const assistant = await alice.beta.assistants.create({ model: 'gpt-4o', tools: [{ type: 'code_interpreter' }] });
    model.enqueue({ toolCalls: [{ name: 'code_interpreter', arguments: '{}' }] });
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'compute' }] });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    expect(run.status).toBe('failed');
    expect(run.last_error).toMatchObject({
      code: 'server_error',
      message: expect.stringContaining('code_interpreter'),
    });
    // code_interpreter is accepted in definitions but never offered to the model.
    expect(model.chatRequests()[0].body.tools).toBeUndefined();
  });
});
