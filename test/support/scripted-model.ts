import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { createServer, IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
// Type-only imports: the installed SDK's wire types are the contract, so the compiler checks every
// object this fake sends against them. They are erased at runtime.
import type { ChatCompletion, ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';
import type { Model } from 'openai/resources/models';

/**
 * A scripted, OpenAI-compatible HTTP server: the one test double for the model. Tests queue the
 * answers (`enqueue`), point OPENAI_BASE_URL at `url`, and read back what the engine sent (`requests`).
 */

export interface ScriptedTurn {
  /** Assistant text, streamed in several chunks (split into ~3-4 char pieces) when the request has stream: true. */
  content?: string;
  /** Tool calls to return (ids default to `call_<random>`); arguments is the JSON string. */
  toolCalls?: Array<{ id?: string; name: string; arguments: string }>;
  /** Defaults: 'tool_calls' when toolCalls given, else 'stop'. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Defaults: prompt_tokens = a rough count of the request's messages text (chars/4, at least 1), completion_tokens = content chars/4 (at least 1). */
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Delay before the response starts (ms). */
  delayMs?: number;
  /** Delay between streamed chunks (ms). */
  chunkDelayMs?: number;
  /**
   * Answer an HTTP error instead: status, JSON body (default OpenAI envelope {error:{message,type,param,code}}),
   * extra headers (e.g. retry-after). A string errorBody is sent as is, to imitate a proxy's non-JSON page.
   */
  status?: number;
  errorBody?: unknown;
  headers?: Record<string, string>;
  /** Never answer (the client's timeout or abort must end the call); the socket is destroyed on stop(). */
  hang?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. '/v1/chat/completions'. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body; undefined when empty, the raw text when it is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary request fields
  body: any;
  /** Date.now() when the body had been read. */
  receivedAt: number;
}

type FinishReason = NonNullable<ScriptedTurn['finishReason']>;
type ToolCall = { id: string; name: string; arguments: string };

/** A turn resolved against its request: everything both the JSON and the streamed answer need. */
interface Reply {
  id: string;
  created: number;
  model: string;
  content: string | null;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: CompletionUsage;
}

const CHAT_PATH = '/v1/chat/completions';
const EMBEDDINGS_PATH = '/v1/embeddings';
const MODELS_PATH = '/v1/models';
const MODEL_IDS = ['gpt-4o', 'scripted'];
const DEFAULT_TURN: ScriptedTurn = { content: 'OK' };
/** Streamed text and arguments are cut into pieces this long, so a short answer still spans several chunks. */
const PIECE_LENGTH = 4;
const DEFAULT_DIMENSIONS = 64;
const DEFAULT_WAIT_MS = 5_000;

export class ScriptedModel {
  readonly url: string;
  readonly requests: RecordedRequest[] = [];
  private queue: ScriptedTurn[] = [];
  private fallback: ScriptedTurn = DEFAULT_TURN;
  private readonly synonyms = new Map<string, string>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly sockets = new Set<Socket>();
  // Aborts pending delays on stop(), so no timer outlives the server.
  private readonly stopping = new AbortController();

  private constructor(private readonly server: Server) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    server.on('connection', (socket: Socket) => this.track(socket));
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
  }

  /** Listens on 127.0.0.1, on a random free port. */
  static async start(): Promise<ScriptedModel> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    // No client knows the port before start() resolves, so attaching handlers now misses nothing.
    return new ScriptedModel(server);
  }

  /** Queue responses for the next chat-completions requests, in FIFO order. */
  enqueue(...turns: ScriptedTurn[]): void {
    this.queue.push(...turns);
  }

  /** Turn used when the queue is empty (default: { content: 'OK' }). */
  setDefault(turn: ScriptedTurn): void {
    this.fallback = turn;
  }

  /** Chat-completions requests only. */
  chatRequests(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST' && request.path === CHAT_PATH);
  }

  /** Resolves when `count` chat requests have been received in total (since start or the last reset). */
  waitForChatRequests(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.chatRequests().length >= count) {
          finish();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        finish();
        const seen = this.chatRequests().length;
        reject(new Error(`expected ${count} chat requests within ${timeoutMs} ms, received ${seen}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.events.off('request', check);
      };
      this.events.on('request', check);
      check();
    });
  }

  /** Clear queue, default, and log. */
  /**
   * Words the fake embeds as the same word (`{ car: 'automobile' }`): texts that share no word
   * can then mean the same thing, which keyword search cannot see and vector search can.
   */
  defineSynonyms(synonyms: Record<string, string>): void {
    for (const [word, meaning] of Object.entries(synonyms)) {
      this.synonyms.set(word.toLowerCase(), meaning.toLowerCase());
    }
  }

  reset(): void {
    this.queue = [];
    this.fallback = DEFAULT_TURN;
    // Emptied in place: callers may hold a reference to the array.
    this.requests.length = 0;
  }

  /** Closes the server and destroys open sockets, hanging requests and idle keep-alive ones alike. */
  async stop(): Promise<void> {
    if (!this.server.listening) {
      return;
    }
    this.stopping.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await closed;
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A client that goes away mid-answer must not crash the test process.
    res.on('error', () => undefined);
    try {
      const { body, valid } = parseJson(await readBody(req));
      const request = this.record(req, body);
      if (!valid) {
        return sendError(res, 400, 'We could not parse the JSON body of your request.', 'invalid_request_error');
      }
      await this.route(request, res);
    } catch (error) {
      if (!this.stopping.signal.aborted) {
        answerFailure(res, error);
      }
    }
  }

  private record(req: IncomingMessage, body: unknown): RecordedRequest {
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://localhost').pathname,
      headers: { ...req.headers },
      body,
      receivedAt: Date.now(),
    };
    this.requests.push(request);
    this.events.emit('request', request);
    return request;
  }

  private async route(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const route = `${request.method} ${request.path}`;
    if (route === `POST ${CHAT_PATH}`) {
      return this.answerChat(request, res);
    }
    if (route === `POST ${EMBEDDINGS_PATH}`) {
      return answerEmbeddings(request.body, res, this.synonyms);
    }
    if (route === `GET ${MODELS_PATH}`) {
      return sendJson(res, 200, modelList());
    }
    sendError(res, 404, `Unknown request URL: ${route}. Please check the URL for typos.`, 'invalid_request_error', {
      code: 'unknown_url',
    });
  }

  private async answerChat(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const turn = this.queue.shift() ?? this.fallback;
    if (turn.hang) {
      return; // Left open on purpose: the client's timeout or abort, or stop(), ends it.
    }
    await this.pause(turn.delayMs);
    if (res.destroyed) {
      return;
    }
    if (turn.status !== undefined) {
      return sendScriptedError(res, turn);
    }
    const reply = resolveReply(turn, request.body);
    if (isRecord(request.body) && request.body.stream === true) {
      return this.stream(reply, res, includeUsage(request.body), turn.chunkDelayMs);
    }
    sendJson(res, 200, completion(reply));
  }

  /** Server-sent events, one write per chunk, so the client sees each piece as soon as it is sent. */
  private async stream(reply: Reply, res: ServerResponse, withUsage: boolean, chunkDelayMs?: number): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': randomId('req_', 24),
    });
    res.flushHeaders();
    for (const chunk of streamChunks(reply, withUsage)) {
      if (res.destroyed) {
        return; // The client stopped reading (abort or timeout).
      }
      res.write(`data: ${JSON.stringify(chunk)}\n\n`);
      await this.pause(chunkDelayMs);
    }
    res.end('data: [DONE]\n\n');
  }

  private async pause(ms: number | undefined): Promise<void> {
    if (ms && ms > 0) {
      await sleep(ms, undefined, { signal: this.stopping.signal });
    }
  }
}

/** The embedding the fake returns for `text`, exported so tests can compute expected vectors and scores. */
export function scriptedEmbedding(
  text: string,
  dimensions = DEFAULT_DIMENSIONS,
  synonyms: ReadonlyMap<string, string> = new Map(),
): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of contentWords(text)) {
    vector[fnv1a(synonyms.get(word) ?? word) % dimensions] += 1;
  }
  return normalise(vector);
}

// ---- chat completions ----

function resolveReply(turn: ScriptedTurn, body: unknown): Reply {
  const toolCalls = (turn.toolCalls ?? []).map((call) => ({ ...call, id: call.id ?? randomId('call_', 24) }));
  const content = turn.content ?? (toolCalls.length > 0 ? null : '');
  const usage = turn.usage ?? {
    prompt_tokens: roughTokens(messagesText(body)),
    completion_tokens: roughTokens(content ?? ''),
  };
  return {
    id: randomId('chatcmpl-', 29),
    created: Math.floor(Date.now() / 1000),
    model: requestedModel(body, 'gpt-4o'),
    content,
    toolCalls,
    finishReason: turn.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function completion(reply: Reply): ChatCompletion {
  const message: ChatCompletion.Choice['message'] = {
    role: 'assistant',
    content: reply.content,
    refusal: null,
    annotations: [],
  };
  // Like OpenAI, the key is absent (not an empty list) when the model calls no tool.
  if (reply.toolCalls.length > 0) {
    message.tool_calls = reply.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  return {
    id: reply.id,
    object: 'chat.completion',
    created: reply.created,
    model: reply.model,
    choices: [{ index: 0, message, finish_reason: reply.finishReason, logprobs: null }],
    usage: reply.usage,
  };
}

/** The chunks OpenAI streams for this reply, in order; `[DONE]` is written by the caller. */
function* streamChunks(reply: Reply, withUsage: boolean): Generator<ChatCompletionChunk> {
  const chunk = (delta: ChatCompletionChunk.Choice.Delta, finishReason: FinishReason | null = null) =>
    streamChunk(reply, withUsage, [{ index: 0, delta, finish_reason: finishReason, logprobs: null }]);
  yield chunk({ role: 'assistant', content: '', refusal: null });
  for (const piece of pieces(reply.content ?? '')) {
    yield chunk({ content: piece });
  }
  for (const [index, call] of reply.toolCalls.entries()) {
    const opening = { index, id: call.id, type: 'function' as const, function: { name: call.name, arguments: '' } };
    yield chunk({ tool_calls: [opening] });
    for (const piece of pieces(call.arguments)) {
      yield chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
  }
  yield chunk({}, reply.finishReason);
  if (withUsage) {
    yield { ...streamChunk(reply, withUsage, []), usage: reply.usage };
  }
}

function streamChunk(reply: Reply, withUsage: boolean, choices: ChatCompletionChunk.Choice[]): ChatCompletionChunk {
  const chunk: ChatCompletionChunk = {
    id: reply.id,
    object: 'chat.completion.chunk',
    created: reply.created,
    model: reply.model,
    choices,
  };
  // With include_usage, OpenAI sends `usage: null` on every chunk but the last.
  return withUsage ? { ...chunk, usage: null } : chunk;
}

function includeUsage(body: Record<string, unknown>): boolean {
  return isRecord(body.stream_options) && body.stream_options.include_usage === true;
}

/** The text of all messages (string contents and text parts), for the rough prompt token count. */
function messagesText(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.messages)) {
    return '';
  }
  return body.messages.map((message: unknown) => (isRecord(message) ? contentText(message.content) : '')).join('\n');
}

function contentText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  if (!Array.isArray(content)) {
    return '';
  }
  return content.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

// ---- embeddings and models ----

function answerEmbeddings(body: unknown, res: ServerResponse, synonyms: ReadonlyMap<string, string>): void {
  const params = isRecord(body) ? body : {};
  const inputs = embeddingInputs(params.input);
  if (!inputs) {
    return sendError(res, 400, "'input' must be a string or an array.", 'invalid_request_error', { param: 'input' });
  }
  const dimensions = positiveInteger(params.dimensions) ?? DEFAULT_DIMENSIONS;
  // The SDK asks for base64 by default and decodes it itself; honour whichever format was asked for.
  const base64 = params.encoding_format === 'base64';
  const data = inputs.map((text, index) => {
    const vector = scriptedEmbedding(text, dimensions, synonyms);
    return { object: 'embedding', index, embedding: base64 ? float32Base64(vector) : vector };
  });
  const tokens = inputs.reduce((sum, text) => sum + roughTokens(text), 0);
  sendJson(res, 200, {
    object: 'list',
    data,
    model: requestedModel(body, 'text-embedding-3-small'),
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  });
}

/** The texts to embed: a string, strings, or token arrays (whose ids then act as words). */
function embeddingInputs(input: unknown): string[] | null {
  if (typeof input === 'string') {
    return [input];
  }
  if (!Array.isArray(input)) {
    return null;
  }
  if (input.every((item) => typeof item === 'number')) {
    return [input.join(' ')];
  }
  const texts = input.map((item: unknown) =>
    typeof item === 'string' ? item : Array.isArray(item) ? item.join(' ') : null,
  );
  return texts.every((text) => text !== null) ? (texts as string[]) : null;
}

// Function words would make every pair of sentences look related; leaving them out keeps
// "shares a content word" the signal that semantic search tests rely on.
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the this to was were will with'.split(' '),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word));
}

/** 32-bit FNV-1a: stable across runs and processes, unlike anything seeded. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(word, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash;
}

/** Unit length, rounded to float32 so the float and base64 answers carry the very same numbers. */
function normalise(vector: number[]): number[] {
  const length = Math.hypot(...vector);
  if (length === 0) {
    // A text without content words still gets a unit vector: a zero vector makes cosine scores NaN.
    return vector.map((_, index) => (index === 0 ? 1 : 0));
  }
  return vector.map((value) => Math.fround(value / length));
}

/** OpenAI's base64 format: the float32 values, little-endian, back to back. */
function float32Base64(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

function modelList(): { object: 'list'; data: Model[] } {
  return {
    object: 'list',
    data: MODEL_IDS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'scripted' })),
  };
}

// ---- HTTP plumbing ----

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parsed body; a body that is not JSON is kept as text, so the log still shows what was sent. */
function parseJson(text: string): { body: unknown; valid: boolean } {
  if (text === '') {
    return { body: undefined, valid: true };
  }
  try {
    return { body: JSON.parse(text), valid: true };
  } catch {
    return { body: text, valid: false };
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const raw = typeof body === 'string';
  res.writeHead(status, {
    'content-type': raw ? 'text/plain; charset=utf-8' : 'application/json',
    'x-request-id': randomId('req_', 24),
    ...headers,
  });
  res.end(raw ? body : JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  extra: { param?: string; code?: string } = {},
): void {
  sendJson(res, status, { error: { message, type, param: extra.param ?? null, code: extra.code ?? null } });
}

/** Type and code OpenAI uses for the statuses tests script most; the SDK maps the status to its error class. */
const ERROR_KINDS: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

function sendScriptedError(res: ServerResponse, turn: ScriptedTurn): void {
  const status = turn.status ?? 500;
  const kind = ERROR_KINDS[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: null };
  const body = turn.errorBody ?? {
    error: { message: `Scripted model error (HTTP ${status}).`, type: kind.type, param: null, code: kind.code },
  };
  sendJson(res, status, body, turn.headers);
}

/** A bug in the fake itself: say so over HTTP if we still can, so the test fails with a reason. */
function answerFailure(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 500, `Scripted model failed: ${String(error)}`, 'server_error');
}

// ---- small helpers ----

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomId(prefix: string, length: number): string {
  return prefix + Array.from(randomBytes(length), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

/** About four characters per token, never zero: close enough for usage accounting in tests. */
function roughTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Cut by code points, so a piece never splits a surrogate pair. */
function pieces(text: string): string[] {
  const chars = Array.from(text);
  const result: string[] = [];
  for (let start = 0; start < chars.length; start += PIECE_LENGTH) {
    result.push(chars.slice(start, start + PIECE_LENGTH).join(''));
  }
  return result;
}

function requestedModel(body: unknown, fallback: string): string {
  return isRecord(body) && typeof body.model === 'string' ? body.model : fallback;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
