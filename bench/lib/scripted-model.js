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
 * Run as a child process (`node bench/lib/scripted-model.js`, PORT and HOST from the
 * environment) so its work does not share the measuring client's event loop. Control routes:
 *   GET  /__bench/records  the records since the last reset, as JSON
 *   POST /__bench/reset    forget them
 */

const http = require('node:http');
const { randomBytes } = require('node:crypto');

const ANSWER = 'The benchmark answer is short.';
const PIECE_LENGTH = 4;
const MODELS = ['gpt-4o', 'scripted'];

function now() {
  return Number(process.hrtime.bigint()) / 1e6; // ms, fractional
}

function createModelServer() {
  let records = [];

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
      if (route === 'GET /v1/models') {
        return sendJson(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'bench' })) });
      }
      if (route === 'GET /__bench/records') {
        return sendJson(res, 200, records);
      }
      if (route === 'POST /__bench/reset') {
        records = [];
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
  const server = createModelServer();
  server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
    // Silent: the harness polls /v1/models until it answers.
  });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

module.exports = { createModelServer, ANSWER };
