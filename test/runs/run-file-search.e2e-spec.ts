import OpenAI, { toFile } from 'openai';
import type { AssistantStreamEvent } from 'openai/resources/beta/assistants';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';

const FAQ = `# Returns
Parcels can be returned within 30 days for a full refund. Print the prepaid label from your account.

# Shipping
Standard shipping takes three to five business days. Express delivery arrives the next day.`;

const PRICING = 'Our premium subscription costs twelve euros per month. Annual billing saves two months.';
const CONTENT_INCLUDE = 'step_details.tool_calls[*].file_search.results[*].content' as const;

describe('Runs with file_search (e2e)', () => {
  let model: ScriptedModel;
  let app: TestApp;
  let alice: OpenAI;
  let faqId: string;
  let pricingId: string;
  let helpStoreId: string;
  let billingStoreId: string;
  let assistantId: string;

  const upload = async (text: string, filename: string) =>
    (await alice.files.create({ file: await toFile(Buffer.from(text), filename), purpose: 'assistants' })).id;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    app = await startTestApp({ OPENAI_BASE_URL: model.url, OPENAI_API_KEY: 'test', MODEL_MAX_RETRIES: '0' });
    alice = app.sdk('alice');
    faqId = await upload(FAQ, 'faq.md');
    pricingId = await upload(PRICING, 'pricing.txt');
    helpStoreId = (await alice.vectorStores.create({ name: 'Help', file_ids: [faqId] })).id;
    billingStoreId = (await alice.vectorStores.create({ name: 'Billing', file_ids: [pricingId] })).id;
    await alice.vectorStores.files.poll(helpStoreId, faqId, { pollIntervalMs: 50 });
    await alice.vectorStores.files.poll(billingStoreId, pricingId, { pollIntervalMs: 50 });
    assistantId = (
      await alice.beta.assistants.create({
        model: 'gpt-4o',
        instructions: 'Answer from the files.',
        tools: [{ type: 'file_search', file_search: { max_num_results: 3 } }],
        tool_resources: { file_search: { vector_store_ids: [helpStoreId] } },
      })
    ).id;
  });
  beforeEach(() => model.reset());
  afterAll(async () => {
    await app?.close();
    await model.stop();
  });

  const searchThenAnswer = (query: string, answer: string) =>
    model.enqueue(
      { toolCalls: [{ id: 'call_search', name: 'file_search', arguments: JSON.stringify({ query }) }] },
      { content: answer },
    );

  it('should answer from the files, with file_citation annotations on the stored message', async () => {
    searchThenAnswer('refund return days', 'You have 30 days to return a parcel【0:0†faq.md】.');
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'How long for returns?' }] });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    expect(run.status).toBe('completed');

    const offered = model.requests[0].body.tools;
    expect(offered).toEqual([
      expect.objectContaining({
        type: 'function',
        function: expect.objectContaining({
          name: 'file_search',
          parameters: expect.objectContaining({ required: ['query'] }),
        }),
      }),
    ]);
    const toolMessage = model.requests[1].body.messages.find((message: { role: string }) => message.role === 'tool');
    expect(toolMessage.tool_call_id).toBe('call_search');
    expect(toolMessage.content).toContain('【0:0†faq.md】');
    expect(toolMessage.content).toContain('returned within 30 days');

    const [message] = (await alice.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    const text = message.content[0].type === 'text' ? message.content[0].text : null;
    expect(text?.annotations).toEqual([
      {
        type: 'file_citation',
        text: '【0:0†faq.md】',
        start_index: text!.value.indexOf('【'),
        end_index: text!.value.indexOf('】') + 1,
        file_citation: { file_id: faqId },
      },
    ]);
  });

  it('should record the search on a tool_calls step, with result content only when included', async () => {
    searchThenAnswer('refund', 'Within 30 days【0:0†faq.md】.');
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Refunds?' }] });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    const steps = await alice.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, order: 'asc' });
    expect(steps.data.map((step) => step.type)).toEqual(['tool_calls', 'message_creation']);
    const details = steps.data[0].step_details;
    expect(details).toEqual({
      type: 'tool_calls',
      tool_calls: [
        {
          id: 'call_search',
          type: 'file_search',
          file_search: {
            ranking_options: { ranker: 'default_2024_08_21', score_threshold: 0 },
            results: [{ file_id: faqId, file_name: 'faq.md', score: expect.any(Number) }],
          },
        },
      ],
    });

    const included = await alice.beta.threads.runs.steps.retrieve(steps.data[0].id, {
      thread_id: thread.id,
      run_id: run.id,
      include: [CONTENT_INCLUDE],
    });
    const call = included.step_details.type === 'tool_calls' ? included.step_details.tool_calls[0] : null;
    expect(call?.type === 'file_search' && call.file_search.results?.[0].content?.[0].text).toContain(
      'returned within 30 days',
    );
  });

  it('should search the thread’s vector stores too, and honour max_num_results', async () => {
    searchThenAnswer('premium subscription refund parcels', 'Twelve euros.');
    const thread = await alice.beta.threads.create({
      messages: [{ role: 'user', content: 'What does premium cost?' }],
      tool_resources: { file_search: { vector_store_ids: [billingStoreId] } },
    });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    expect(run.status).toBe('completed');
    const toolMessage = model.requests[1].body.messages.find((message: { role: string }) => message.role === 'tool');
    expect(toolMessage.content).toContain('twelve euros');
    expect(toolMessage.content).toContain('returned within 30 days');
    const markers = toolMessage.content.match(/【\d+:\d+†[^】]*】/g);
    expect(markers.length).toBeLessThanOrEqual(3);
    expect(markers.sort()).toEqual([
      expect.stringMatching(/^【0:\d†faq.md】$/),
      expect.stringMatching(/^【0:\d†pricing.txt】$/),
    ]);
  });

  it('should stream the search as a file_search step and the citations in the message deltas', async () => {
    searchThenAnswer(
      'shipping express',
      'Express arrives the next day【0:0†faq.md】, standard in 3-5 days【0:0†faq.md】.',
    );
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Shipping times?' }] });
    const events: AssistantStreamEvent[] = [];
    const stream = alice.beta.threads.runs.stream(thread.id, { assistant_id: assistantId });
    // A copy: the SDK accumulates later deltas into the first one's objects.
    stream.on('event', (event) => events.push(structuredClone(event)));
    const [streamed] = await stream.finalMessages();

    const stepDeltas = events.filter((event) => event.event === 'thread.run.step.delta');
    expect(stepDeltas.length).toBeGreaterThan(0);
    for (const event of stepDeltas) {
      const delta = event.data.delta.step_details;
      expect(delta?.type === 'tool_calls' && delta.tool_calls?.every((call) => call.type === 'file_search')).toBe(true);
    }
    const streamedAnnotations = events.flatMap((event) =>
      event.event === 'thread.message.delta'
        ? event.data.delta.content!.flatMap((part) => (part.type === 'text' ? (part.text?.annotations ?? []) : []))
        : [],
    );
    expect(streamedAnnotations.map((annotation) => annotation.index)).toEqual([0, 1]);

    const stored = await alice.beta.threads.messages.retrieve(streamed.id, { thread_id: thread.id });
    const storedText = stored.content[0].type === 'text' ? stored.content[0].text : null;
    expect(storedText?.annotations).toHaveLength(2);
    for (const [index, annotation] of storedText!.annotations.entries()) {
      expect(streamedAnnotations[index]).toMatchObject(annotation);
      expect(storedText!.value.slice(annotation.start_index, annotation.end_index)).toBe(annotation.text);
    }
    expect(streamed.content).toEqual(stored.content);
  });

  it('should leave invented markers unannotated and tell the model when nothing matches', async () => {
    searchThenAnswer('zebra quantum', 'Nothing found【4:2†ghost.pdf】.');
    const thread = await alice.beta.threads.create({ messages: [{ role: 'user', content: 'Zebras?' }] });
    const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    expect(run.status).toBe('completed');
    const toolMessage = model.requests[1].body.messages.find((message: { role: string }) => message.role === 'tool');
    expect(toolMessage.content).toMatch(/no passage/i);
    const [message] = (await alice.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(message.content[0].type === 'text' && message.content[0].text.annotations).toEqual([]);
  });

  it('should not search a store that has expired', async () => {
    const store = await alice.vectorStores.create({
      name: 'Old',
      file_ids: [pricingId],
      expires_after: { anchor: 'last_active_at', days: 1 },
    });
    await alice.vectorStores.files.poll(store.id, pricingId, { pollIntervalMs: 50 });
    await app.sql('UPDATE vector_stores SET last_active_at = last_active_at - 2 * 86400 WHERE id = $1', [store.id]);
    searchThenAnswer('premium subscription', 'I could not find it.');
    const thread = await alice.beta.threads.create({
      messages: [{ role: 'user', content: 'Premium price?' }],
      tool_resources: { file_search: { vector_store_ids: [store.id] } },
    });
    await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistantId });
    const toolMessage = model.requests[1].body.messages.find((message: { role: string }) => message.role === 'tool');
    expect(toolMessage.content).not.toContain('twelve euros');
  });
});
