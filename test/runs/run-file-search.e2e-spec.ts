import OpenAI, { toFile } from 'openai';
import type { AssistantStreamEvent } from 'openai/resources/beta/assistants';
import { ScriptedModel } from '../support/scripted-model';
import { startTestApp, TestApp } from '../support/test-app';
import { basicAuth } from '../support/users';

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
    // One passage from each store, in whatever order they ranked.
    expect(markers).toHaveLength(2);
    expect(markers).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^【0:\d†faq.md】$/),
        expect.stringMatching(/^【0:\d†pricing.txt】$/),
      ]),
    );
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

  describe('vector stores made by thread and assistant helpers', () => {
    const SEVEN_DAYS = { anchor: 'last_active_at', days: 7 };

    it('should create the inline vector store of a thread (7-day expiry) and of an assistant (none)', async () => {
      const thread = await alice.beta.threads.create({
        tool_resources: { file_search: { vector_stores: [{ file_ids: [pricingId], metadata: { source: 'inline' } }] } },
      });
      const [threadStoreId] = thread.tool_resources?.file_search?.vector_store_ids ?? [];
      expect(threadStoreId).toMatch(/^vs_/);
      await expect(alice.vectorStores.retrieve(threadStoreId)).resolves.toMatchObject({
        expires_after: SEVEN_DAYS,
        metadata: { source: 'inline' },
        file_counts: { total: 1 },
      });

      const assistant = await alice.beta.assistants.create({
        model: 'gpt-4o',
        tools: [{ type: 'file_search' }],
        tool_resources: { file_search: { vector_stores: [{ file_ids: [faqId] }] } },
      });
      const [assistantStoreId] = assistant.tool_resources?.file_search?.vector_store_ids ?? [];
      await expect(alice.vectorStores.retrieve(assistantStoreId)).resolves.toMatchObject({
        expires_after: null,
        file_counts: { total: 1 },
      });
    });

    it('should index message attachments for file_search into the thread’s store, which the run searches', async () => {
      const thread = await alice.beta.threads.create();
      const message = await alice.beta.threads.messages.create(thread.id, {
        role: 'user',
        content: 'What does premium cost? See the attached price list.',
        attachments: [{ file_id: pricingId, tools: [{ type: 'file_search' }] }],
      });
      expect(message.attachments).toEqual([{ file_id: pricingId, tools: [{ type: 'file_search' }] }]);
      const updated = await alice.beta.threads.retrieve(thread.id);
      const [storeId] = updated.tool_resources?.file_search?.vector_store_ids ?? [];
      await expect(alice.vectorStores.retrieve(storeId)).resolves.toMatchObject({ expires_after: SEVEN_DAYS });
      await alice.vectorStores.files.poll(storeId, pricingId, { pollIntervalMs: 50 });

      // A later attachment joins the same store.
      await alice.beta.threads.messages.create(thread.id, {
        role: 'user',
        content: 'And the returns policy.',
        attachments: [{ file_id: faqId, tools: [{ type: 'file_search' }] }],
      });
      await expect(alice.vectorStores.retrieve(storeId)).resolves.toMatchObject({ file_counts: { total: 2 } });
      await alice.vectorStores.files.poll(storeId, faqId, { pollIntervalMs: 50 });

      searchThenAnswer('premium subscription', 'Twelve euros a month【0:0†pricing.txt】.');
      const noStore = await alice.beta.assistants.create({ model: 'gpt-4o', tools: [{ type: 'file_search' }] });
      const run = await alice.beta.threads.runs.createAndPoll(thread.id, { assistant_id: noStore.id });
      expect(run.status).toBe('completed');
      const toolMessage = model.requests[1].body.messages.find((entry: { role: string }) => entry.role === 'tool');
      expect(toolMessage.content).toContain('twelve euros');
    });

    it('should index attachments of additional_messages before the run searches', async () => {
      const thread = await alice.beta.threads.create();
      searchThenAnswer('premium subscription', 'Twelve euros.');
      const run = await alice.beta.threads.runs.createAndPoll(thread.id, {
        assistant_id: assistantId,
        additional_messages: [
          { role: 'user', content: 'Price?', attachments: [{ file_id: pricingId, tools: [{ type: 'file_search' }] }] },
        ],
      });
      expect(run.status).toBe('completed');
      const [storeId] =
        (await alice.beta.threads.retrieve(thread.id)).tool_resources?.file_search?.vector_store_ids ?? [];
      expect(storeId).toMatch(/^vs_/);
      await expect(
        app.sql<{ vector_store_ids: string[] }>('SELECT vector_store_ids FROM runs WHERE id = $1', [run.id]),
      ).resolves.toEqual([{ vector_store_ids: [helpStoreId, storeId] }]);
    });

    it('should reject an inline store with a file that is not the caller’s, creating nothing', async () => {
      const before = await app.sql('SELECT count(*)::int AS n FROM vector_stores');
      const response = await app
        .http()
        .post('/api/ai/threads')
        .set('Authorization', basicAuth('bob'))
        .send({ tool_resources: { file_search: { vector_stores: [{ file_ids: [faqId] }] } } });
      expect(response.status).toBe(400);
      expect(response.body.error.param).toBe('tool_resources.file_search.vector_stores[0].file_ids');
      await expect(app.sql('SELECT count(*)::int AS n FROM vector_stores')).resolves.toEqual(before);
    });
  });
});
