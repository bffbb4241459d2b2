#!/usr/bin/env node
'use strict';

/**
 * A zero-latency, OpenAI-compatible model for the runs benchmark (plain JS; the test suite's
 * scripted model is TypeScript and built for scripting, not speed). Every chat completion answers
 * the same short text at once: streamed as `chat.completion.chunk` events (a role chunk, the text
 * in 4-character pieces, the finish chunk, the usage chunk when `stream_options.include_usage`,
 * then `data: [DONE]`), or as one `chat.completion` object without `stream`.
 *
 * It also times itself, so the benchmark can subtract the model's own share: for each chat
 * request it records, on the machine-wide monotonic clock (process.hrtime, CLOCK_MONOTONIC on
 * Linux, comparable across processes), when the request arrived, when its body had been read,
 * when the first content chunk was written and when the answer ended, plus the request's tag
 * (the text of its last user message: the benchmark puts a unique one in every thread).
 *
 * It also answers `POST /v1/embeddings` (for hybrid file search), with deterministic vectors: a
 * hashed bag of words (see embedText), of the request's `dimensions` or else EMBEDDING_DIMENSIONS
 * from the environment (default 256), as float arrays or, when `encoding_format` is 'base64' (the
 * `openai` package asks so by default), as base64 little-endian float32, like OpenAI. Texts that
 * share words get close vectors, nothing more: a stand-in for latency, not for meaning.
 *
 * Run as a child process (`node bench/lib/scripted-model.js`, PORT and HOST from the
 * environment) so its work does not share the measuring client's event loop. Control routes:
 *   GET  /__bench/records     the chat records since the last reset, as JSON
 *   POST /__bench/reset       forget them (and the embeddings counts)
 *   GET  /__bench/embeddings  `{ requests, inputs }`: embeddings requests and texts since the last reset
 */

const http = require('node:http');
const { randomBytes } = require('node:crypto');

const ANSWER = 'The benchmark answer is short.';
const PIECE_LENGTH = 4;
const MODELS = ['gpt-4o', 'scripted', 'bench-embeddings'];
const DEFAULT_EMBEDDING_DIMENSIONS = 256;
const MAX_EMBEDDING_DIMENSIONS = 16_000; // pgvector's limit for `vector`
// Words too common to say what a text is about; without them a question's vector is mostly "how do I the".
const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from has have how i if in is it its me my of on or our so that the their them there this to was we were what when where which who why will with you your'.split(' '),
);

function now() {
  return Number(process.hrtime.bigint()) / 1e6; // ms, fractional
}

function createModelServer({ embeddingDimensions = DEFAULT_EMBEDDING_DIMENSIONS } = {}) {
  let records = [];
  let embeddings = { requests: 0, inputs: 0 };

  const server = http.createServer((req, res) => {
    const arrivedAt = now();
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      res.on('error', () => undefined);
      const path = (req.url ?? '/').split('?')[0];
      const route = `${req.method} ${path}`;
      if (route === 'POST /v1/chat/completions') {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: { message: 'Invalid JSON body.', type: 'invalid_request_error', param: null, code: null } });
        }
        const record = { tag: tagOf(body), stream: body.stream === true, arrivedAt, readAt: now(), firstContentAt: null, endedAt: null };
        records.push(record);
        res.on('finish', () => (record.endedAt = now()));
        return answerChat(body, res, record);
      }
      if (route === 'POST /v1/embeddings') {
        let body;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: { message: 'Invalid JSON body.', type: 'invalid_request_error', param: null, code: null } });
        }
        const answer = answerEmbeddings(body, embeddingDimensions);
        if (answer.ok) {
          embeddings.requests += 1;
          embeddings.inputs += answer.body.data.length;
        }
        return sendJson(res, answer.ok ? 200 : 400, answer.body);
      }
      if (route === 'GET /__bench/embeddings') {
        return sendJson(res, 200, embeddings);
      }
      if (route === 'GET /v1/models') {
        return sendJson(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'bench' })) });
      }
      if (route === 'GET /__bench/records') {
        return sendJson(res, 200, records);
      }
      if (route === 'POST /__bench/reset') {
        records = [];
        embeddings = { requests: 0, inputs: 0 };
        return sendJson(res, 200, { ok: true });
      }
      sendJson(res, 404, { error: { message: `Unknown request URL: ${route}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    });
  });
  // Many keep-alive connections come and go under the concurrency phase; none should be refused.
  server.keepAliveTimeout = 60_000;
  server.maxConnections = Infinity;
  return server;
}

function answerChat(body, res, record) {
  const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
  const created = Math.floor(Date.now() / 1000);
  const model = typeof body.model === 'string' ? body.model : 'gpt-4o';
  const promptTokens = Math.max(1, Math.ceil(JSON.stringify(body.messages ?? []).length / 4));
  const completionTokens = Math.max(1, Math.ceil(ANSWER.length / 4));
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };

  if (body.stream !== true) {
    record.firstContentAt = now();
    return sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: ANSWER, refusal: null, annotations: [] }, finish_reason: 'stop', logprobs: null }],
      usage,
    });
  }

  const withUsage = body.stream_options?.include_usage === true;
  const chunk = (choices, extra = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...(withUsage && { usage: null }), ...extra })}\n\n`;
  const choice = (delta, finishReason = null) => [{ index: 0, delta, finish_reason: finishReason, logprobs: null }];

  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': `req_${randomBytes(12).toString('hex')}` });
  // One write per chunk, like a real endpoint: the client sees each piece on its own.
  res.write(chunk(choice({ role: 'assistant', content: '', refusal: null })));
  for (let start = 0; start < ANSWER.length; start += PIECE_LENGTH) {
    if (record.firstContentAt === null) {
      record.firstContentAt = now();
    }
    res.write(chunk(choice({ content: ANSWER.slice(start, start + PIECE_LENGTH) })));
  }
  res.write(chunk(choice({}, 'stop')));
  if (withUsage) {
    res.write(chunk([], { usage }));
  }
  res.end('data: [DONE]\n\n');
}

/**
 * The embeddings answer for a request body, as OpenAI shapes it: `{ ok, body }`, `ok` false with
 * an invalid_request_error body when the input or the dimensions are unusable.
 */
function answerEmbeddings(body, defaultDimensions) {
  const invalid = (message, param) => ({ ok: false, body: { error: { message, type: 'invalid_request_error', param, code: null } } });
  const texts = embeddingInputs(body.input);
  if (texts === null) {
    return invalid("'input' must be a non-empty string, array of strings, array of tokens or array of token arrays.", 'input');
  }
  const dimensions = body.dimensions ?? defaultDimensions;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_EMBEDDING_DIMENSIONS) {
    return invalid(`'dimensions' must be an integer from 1 to ${MAX_EMBEDDING_DIMENSIONS}.`, 'dimensions');
  }
  const base64 = body.encoding_format === 'base64';
  const data = texts.map((text, index) => {
    const vector = embedText(text, dimensions);
    return { object: 'embedding', index, embedding: base64 ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64') : Array.from(vector) };
  });
  const promptTokens = texts.reduce((sum, text) => sum + Math.max(1, Math.ceil(text.length / 4)), 0);
  return {
    ok: true,
    body: { object: 'list', data, model: typeof body.model === 'string' ? body.model : 'bench-embeddings', usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } },
  };
}

/** The request's `input` as texts (token ids become words "t<id>"), or null when it is not a valid input. */
function embeddingInputs(input) {
  const isTokens = (value) => Array.isArray(value) && value.length > 0 && value.every(Number.isInteger);
  if (typeof input === 'string') {
    return [input];
  }
  if (isTokens(input)) {
    return [input.map((token) => `t${token}`).join(' ')];
  }
  if (!Array.isArray(input) || input.length === 0) {
    return null;
  }
  if (input.every((item) => typeof item === 'string')) {
    return input;
  }
  return input.every(isTokens) ? input.map((tokens) => tokens.map((token) => `t${token}`).join(' ')) : null;
}

/**
 * A deterministic unit vector for `text`: each word (lower case, without stop words, with a crude
 * plural/-ing/-ed stem) adds ±(1 + ln count) at a position picked by its FNV-1a hash (the sign from
 * another bit of the hash, so unrelated words cancel out rather than pile up). Texts sharing words
 * thus have a high cosine similarity, and nothing else does: synonyms and paraphrases are not close.
 * A text without words gets the first unit vector (a zero vector has no cosine).
 */
function embedText(text, dimensions) {
  const counts = new Map();
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    if (!STOP_WORDS.has(word)) {
      const stem = stemOf(word);
      counts.set(stem, (counts.get(stem) ?? 0) + 1);
    }
  }
  const vector = new Float32Array(dimensions);
  for (const [word, count] of counts) {
    const hash = fnv1a(word);
    vector[hash % dimensions] += (hash & 0x8000_0000 ? -1 : 1) * (1 + Math.log(count));
  }
  let squares = 0;
  for (const value of vector) {
    squares += value * value;
  }
  const norm = Math.sqrt(squares);
  if (norm === 0) {
    vector[0] = 1;
  } else {
    vector.forEach((value, index) => (vector[index] = value / norm));
  }
  return vector;
}

function stemOf(word) {
  if (word.length > 5 && word.endsWith('ing')) {
    return word.slice(0, -3);
  }
  if (word.length > 4 && word.endsWith('ed')) {
    return word.slice(0, -2);
  }
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    return word.slice(0, -1);
  }
  return word;
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The text of the last user message: the benchmark's per-thread tag. */
function tagOf(body) {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (message?.role !== 'user') {
      continue;
    }
    if (typeof message.content === 'string') {
      return message.content;
    }
    if (Array.isArray(message.content)) {
      return message.content.map((part) => (typeof part?.text === 'string' ? part.text : '')).join('');
    }
  }
  return null;
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

if (require.main === module) {
  const server = createModelServer({ embeddingDimensions: Number(process.env.EMBEDDING_DIMENSIONS ?? DEFAULT_EMBEDDING_DIMENSIONS) });
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    // Silent: the harness polls /v1/models until it answers.
  });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

module.exports = { createModelServer, embedText, ANSWER };
