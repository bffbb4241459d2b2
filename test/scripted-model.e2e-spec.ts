import OpenAI, { APIError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import { ScriptedModel, scriptedEmbedding } from './support/scripted-model';

/**
 * The scripted model is the only test double of the suite, so it is held to the contract the
 * engine depends on: the official SDK, pointed at it, must parse every answer as if it came from OpenAI.
 */
describe(ScriptedModel.name, () => {
  let model: ScriptedModel;
  let client: OpenAI;

  beforeAll(async () => {
    model = await ScriptedModel.start();
    client = new OpenAI({ baseURL: model.url, apiKey: 'test', maxRetries: 0 });
  });
  afterEach(() => model.reset());
  afterAll(() => model.stop());

  const ask = (content = 'Hi') => ({ model: 'gpt-4o', messages: [{ role: 'user' as const, content }] });
  const answered = (content: string) => ({ choices: [{ message: { content } }] });

  async function collect(stream: AsyncIterable<ChatCompletionChunk>): Promise<ChatCompletionChunk[]> {
    const chunks: ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
    }
    return chunks;
  }

  const streamedText = (chunks: ChatCompletionChunk[]) =>
    chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');

  const toolCallDeltas = (chunks: ChatCompletionChunk[]) =>
    chunks.flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);

  /** Tool calls rebuilt from their deltas the way a client must: by index, arguments concatenated. */
  function streamedToolCalls(chunks: ChatCompletionChunk[]) {
    const calls: Array<{ id?: string; name?: string; arguments: string }> = [];
    for (const delta of toolCallDeltas(chunks)) {
      const call = (calls[delta.index] ??= { arguments: '' });
      call.id ??= delta.id;
      call.name ??= delta.function?.name;
      call.arguments += delta.function?.arguments ?? '';
    }
    return calls;
  }

  /** Both vectors are unit length, so the dot product is the cosine. */
  function cosine(a: number[], b: number[]): number {
    return a.reduce((sum, value, index) => sum + value * b[index], 0);
  }

  describe('chat completions', () => {
    it('should answer a non-streaming request with a chat.completion object', async () => {
      model.enqueue({ content: 'Hello there' });

      const completion = await client.chat.completions.create({ ...ask(), model: 'gpt-4o-mini' });

      expect(completion).toMatchObject({
        object: 'chat.completion',
        model: 'gpt-4o-mini',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Hello there', refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 },
      });
      expect(completion.id).toMatch(/^chatcmpl-[A-Za-z0-9]+$/);
      expect(completion.created).toBeCloseTo(Date.now() / 1000, -1);
      expect(completion.choices[0].message.tool_calls).toBeUndefined();
    });

    it('should serve queued turns in order, then the default', async () => {
      model.enqueue({ content: 'one' }, { content: 'two' });
      const next = async () => (await client.chat.completions.create(ask())).choices[0].message.content;

      await expect(next()).resolves.toBe('one');
      await expect(next()).resolves.toBe('two');
      await expect(next()).resolves.toBe('OK');
      model.setDefault({ content: 'fallback' });
      await expect(next()).resolves.toBe('fallback');
    });

    it('should use the scripted usage and finish reason when given', async () => {
      model.enqueue({ content: 'cut', finishReason: 'length', usage: { prompt_tokens: 100, completion_tokens: 7 } });

      await expect(client.chat.completions.create(ask())).resolves.toMatchObject({
        choices: [{ finish_reason: 'length' }],
        usage: { prompt_tokens: 100, completion_tokens: 7, total_tokens: 107 },
      });
    });

    it('should count prompt tokens roughly from the text of all messages', async () => {
      const messages = [
        { role: 'system' as const, content: 'x'.repeat(40) },
        { role: 'user' as const, content: [{ type: 'text' as const, text: 'y'.repeat(19) }] },
      ];

      const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });

      // 40 + newline + 19 = 60 characters, about 15 tokens; the default answer 'OK' is 1.
      expect(completion.usage).toEqual({ prompt_tokens: 15, completion_tokens: 1, total_tokens: 16 });
    });

    it('should wait delayMs before answering', async () => {
      model.enqueue({ content: 'late', delayMs: 150 });
      const started = Date.now();

      await expect(client.chat.completions.create(ask())).resolves.toMatchObject(answered('late'));
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('should stream text as several chunks that reassemble to the content', async () => {
      const content = 'The quick brown fox jumps over the lazy dog';
      model.enqueue({ content });

      const chunks = await collect(await client.chat.completions.create({ ...ask(), stream: true }));

      expect(streamedText(chunks)).toBe(content);
      expect(chunks.length).toBeGreaterThanOrEqual(content.length / 4);
      expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '', refusal: null });
      expect(chunks.at(-1)?.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
      expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
      expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'gpt-4o')).toBe(true);
      expect(chunks.every((chunk) => chunk.usage === undefined)).toBe(true);
    });

    it('should flush each chunk as it is produced, honouring chunkDelayMs', async () => {
      model.enqueue({ content: 'abcdefghijkl', chunkDelayMs: 60 });
      const arrivals: number[] = [];

      for await (const _chunk of await client.chat.completions.create({ ...ask(), stream: true })) {
        arrivals.push(Date.now());
      }

      // Role chunk, 3 pieces, finish chunk; buffered output would arrive all at once.
      expect(arrivals).toHaveLength(5);
      expect(arrivals[4] - arrivals[0]).toBeGreaterThanOrEqual(200);
    });

    it('should return tool calls without content in a non-streaming answer', async () => {
      model.enqueue({
        toolCalls: [
          { id: 'call_fixed', name: 'get_weather', arguments: '{"city":"Paris"}' },
          { name: 'get_time', arguments: '{"zone":"CET"}' },
        ],
      });

      const { choices } = await client.chat.completions.create(ask());

      expect(choices[0].finish_reason).toBe('tool_calls');
      expect(choices[0].message.content).toBeNull();
      expect(choices[0].message.tool_calls).toEqual([
        { id: 'call_fixed', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        {
          id: expect.stringMatching(/^call_[A-Za-z0-9]+$/),
          type: 'function',
          function: { name: 'get_time', arguments: '{"zone":"CET"}' },
        },
      ]);
    });

    it('should stream tool calls the way OpenAI does', async () => {
      const args = JSON.stringify({ query: 'quarterly revenue', limit: 5 });
      model.enqueue({
        toolCalls: [
          { name: 'search', arguments: args },
          { id: 'call_two', name: 'noop', arguments: '{}' },
        ],
      });

      const chunks = await collect(await client.chat.completions.create({ ...ask(), stream: true }));

      expect(streamedToolCalls(chunks)).toEqual([
        { id: expect.stringMatching(/^call_/), name: 'search', arguments: args },
        { id: 'call_two', name: 'noop', arguments: '{}' },
      ]);
      // The first delta of a call names it; the following ones carry only argument pieces.
      const [opening, ...rest] = toolCallDeltas(chunks).filter((delta) => delta.index === 0);
      expect(opening).toMatchObject({ type: 'function', function: { name: 'search', arguments: '' } });
      expect(rest.length).toBeGreaterThan(3);
      expect(rest.every((delta) => delta.id === undefined && delta.function?.name === undefined)).toBe(true);
      expect(chunks.at(-1)?.choices[0].finish_reason).toBe('tool_calls');
    });

    it("should stream in a form the SDK's own stream helper accumulates", async () => {
      model.enqueue({
        content: 'Let me check.',
        toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"id":42}' }],
      });

      const final = await client.chat.completions.stream(ask()).finalChatCompletion();

      expect(final.choices[0]).toMatchObject({
        finish_reason: 'tool_calls',
        message: {
          role: 'assistant',
          content: 'Let me check.',
          tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"id":42}' } }],
        },
      });
    });

    it('should end the stream with a usage chunk when include_usage is requested', async () => {
      model.enqueue({ content: 'counted', usage: { prompt_tokens: 11, completion_tokens: 2 } });

      const chunks = await collect(
        await client.chat.completions.create({ ...ask(), stream: true, stream_options: { include_usage: true } }),
      );

      expect(chunks.at(-1)).toMatchObject({
        choices: [],
        usage: { prompt_tokens: 11, completion_tokens: 2, total_tokens: 13 },
      });
      expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null && chunk.choices.length === 1)).toBe(true);
      expect(streamedText(chunks)).toBe('counted');
    });
  });

  describe('errors and stalls', () => {
    it('should surface a scripted 429 with retry-after as a RateLimitError', async () => {
      model.enqueue({ status: 429, headers: { 'retry-after': '7' } });

      const call = client.chat.completions.create(ask());

      await expect(call).rejects.toBeInstanceOf(OpenAI.RateLimitError);
      await expect(call).rejects.toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
      await expect(call.catch((error: APIError) => error.headers?.get('retry-after'))).resolves.toBe('7');
    });

    it('should send a scripted error body as given', async () => {
      const error = { message: 'context too long', type: 'x', param: 'messages', code: 'context_length_exceeded' };
      model.enqueue({ status: 400, errorBody: { error } });

      await expect(client.chat.completions.create(ask())).rejects.toMatchObject({
        status: 400,
        message: '400 context too long',
        code: 'context_length_exceeded',
        param: 'messages',
      });
    });

    it('should fail a streaming request before the stream starts, as OpenAI does', async () => {
      model.enqueue({ status: 503 });

      await expect(client.chat.completions.create({ ...ask(), stream: true })).rejects.toBeInstanceOf(
        OpenAI.InternalServerError,
      );
    });

    it("should hang until the client's timeout ends the call", async () => {
      model.enqueue({ hang: true });
      const started = Date.now();

      // Under Jest the SDK reports its own timeout as the parent class, APIConnectionError (see realmSafeFetch).
      await expect(client.chat.completions.create(ask(), { timeout: 200 })).rejects.toBeInstanceOf(
        OpenAI.APIConnectionError,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(model.chatRequests()).toHaveLength(1);
      await expect(client.chat.completions.create(ask())).resolves.toMatchObject(answered('OK'));
    });

    it('should let a hang surface as APIConnectionTimeoutError, as it does outside Jest', async () => {
      model.enqueue({ hang: true });
      const sdk = new OpenAI({ baseURL: model.url, apiKey: 'test', maxRetries: 0, fetch: realmSafeFetch });

      await expect(sdk.chat.completions.create(ask(), { timeout: 200 })).rejects.toBeInstanceOf(
        OpenAI.APIConnectionTimeoutError,
      );
    });

    it('should end hanging requests when stopped', async () => {
      const own = await ScriptedModel.start();
      own.setDefault({ hang: true });
      const call = new OpenAI({ baseURL: own.url, apiKey: 'test', maxRetries: 0 }).chat.completions.create(ask());
      // Attached before stop(), so the rejection is never briefly unhandled.
      const outcome = expect(call).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
      await own.waitForChatRequests(1);

      await expect(own.stop()).resolves.toBeUndefined();
      await outcome;
    });
  });

  describe('embeddings and models', () => {
    it("should answer the SDK's default base64 request with vectors it decodes", async () => {
      const input = ['Cats chase mice', 'Dogs chase cats'];

      const response = await client.embeddings.create({ model: 'text-embedding-3-small', input });

      expect(model.requests[0].body).toMatchObject({ encoding_format: 'base64', input });
      expect(response).toMatchObject({
        object: 'list',
        model: 'text-embedding-3-small',
        usage: { prompt_tokens: 8, total_tokens: 8 },
      });
      expect(response.data.map((item) => [item.object, item.index])).toEqual([
        ['embedding', 0],
        ['embedding', 1],
      ]);
      expect(response.data[0].embedding).toEqual(scriptedEmbedding(input[0]));
      expect(response.data[1].embedding).toHaveLength(64);
      expect(Math.hypot(...response.data[1].embedding)).toBeCloseTo(1, 5);
    });

    it('should give the same numbers in float format, with the requested dimensions', async () => {
      const text = 'Invoices are due within thirty days';

      const response = await client.embeddings.create({
        model: 'm',
        input: text,
        encoding_format: 'float',
        dimensions: 16,
      });

      expect(response.data[0].embedding).toHaveLength(16);
      expect(response.data[0].embedding).toEqual(scriptedEmbedding(text, 16));
    });

    it('should embed texts that share words closer than unrelated ones', async () => {
      const { data } = await client.embeddings.create({
        model: 'text-embedding-3-small',
        input: ['How do I reset my password?', 'Password reset instructions', 'Quarterly revenue grew in Europe'],
      });
      const [question, related, unrelated] = data.map((item) => item.embedding);

      expect(cosine(question, related)).toBeGreaterThan(0.4);
      expect(cosine(question, unrelated)).toBeLessThan(0.2);
    });

    it('should list the scripted models', async () => {
      const ids: string[] = [];
      for await (const entry of client.models.list()) {
        ids.push(entry.id);
      }

      expect(ids).toEqual(['gpt-4o', 'scripted']);
    });

    it('should answer unknown paths with a 404 in the OpenAI error envelope', async () => {
      const response = await fetch(`${model.url}/nothing/here`);

      expect(response.status).toBe(404);
      await expect(response.json()).resolves.toEqual({
        error: {
          message: expect.stringContaining('GET /v1/nothing/here'),
          type: 'invalid_request_error',
          param: null,
          code: 'unknown_url',
        },
      });
    });

    it('should reject a body that is not JSON, and still log it', async () => {
      const response = await fetch(`${model.url}/chat/completions`, { method: 'POST', body: '{not json' });

      expect(response.status).toBe(400);
      expect(model.chatRequests()).toMatchObject([{ body: '{not json' }]);
    });
  });

  describe('request log', () => {
    it('should record every request with method, path, headers and parsed body', async () => {
      const before = Date.now();
      await client.chat.completions.create({ ...ask('first'), temperature: 0.2 });
      await client.embeddings.create({ model: 'e', input: 'text' });

      expect(model.requests).toEqual([
        {
          method: 'POST',
          path: '/v1/chat/completions',
          headers: expect.objectContaining({ authorization: 'Bearer test', 'content-type': 'application/json' }),
          body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'first' }], temperature: 0.2 },
          receivedAt: expect.any(Number),
        },
        expect.objectContaining({ method: 'POST', path: '/v1/embeddings' }),
      ]);
      expect(model.requests[0].receivedAt).toBeGreaterThanOrEqual(before);
      expect(model.chatRequests()).toEqual([model.requests[0]]);
    });

    it('should wait until the expected number of chat requests has arrived', async () => {
      model.enqueue({ content: 'a', delayMs: 50 }, { content: 'b', delayMs: 50 });
      const calls = [client.chat.completions.create(ask()), client.chat.completions.create(ask())];

      await expect(model.waitForChatRequests(2)).resolves.toBeUndefined();
      expect(model.chatRequests()).toHaveLength(2);
      await Promise.all(calls);
    });

    it('should reject the wait when the requests do not come', async () => {
      await expect(model.waitForChatRequests(1, 50)).rejects.toThrow(
        'expected 1 chat requests within 50 ms, received 0',
      );
    });

    it('should clear queue, default and log on reset', async () => {
      model.enqueue({ content: 'queued' });
      model.setDefault({ content: 'custom' });
      await client.models.list();

      model.reset();

      expect(model.requests).toEqual([]);
      await expect(client.chat.completions.create(ask())).resolves.toMatchObject(answered('OK'));
    });
  });
});

/**
 * Jest runs tests in their own realm, but fetch rejects with a DOMException from Node's realm. That is
 * neither an `Error` of the test realm nor tagged '[object Error]', so the SDK's castToError loses its
 * name 'AbortError' and reports its own timeout as APIConnectionError('Connection error.'); outside
 * Jest it is APIConnectionTimeoutError. Re-creating the error in the test realm restores production's view.
 */
const realmSafeFetch: typeof fetch = (input, init) =>
  fetch(input, init).catch((error: unknown) => {
    if (error instanceof Error) {
      throw error;
    }
    const { name, message } = error as { name: string; message: string };
    throw Object.assign(new Error(message), { name });
  });
