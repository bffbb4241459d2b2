'use strict';

/**
 * Test data: the assistant and threads go through Poste's HTTP API (so they are exactly what Poste
 * would create), the bulk messages go straight into Postgres with generate_series (100 000 rows
 * through the API would take longer than the benchmark itself).
 */

const { Client } = require('pg');

const OWNER = 'bench';

/** A minimal JSON client for Poste's API; any non-2xx answer is a harness failure. */
function apiClient(baseUrl, authorization) {
  return async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`seeding: ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return JSON.parse(text);
  };
}

/** Creates the objects every scenario needs and answers their ids. */
async function seedThroughApi(api) {
  const assistant = await api('POST', '/api/ai/assistants', { model: 'gpt-4o', name: 'bench' });
  const threadSmall = await api('POST', '/api/ai/threads', {});
  const threadLarge = await api('POST', '/api/ai/threads', {});
  const threadWrite = await api('POST', '/api/ai/threads', {});
  return { assistantId: assistant.id, threadSmall: threadSmall.id, threadLarge: threadLarge.id, threadWrite: threadWrite.id };
}

/*
 * One statement per thread. All rows share one created_at second on purpose: lists must then
 * order by `seq`, which is what Poste's keyset pagination relies on. The tag keeps ids unique
 * across threads.
 */
const INSERT_MESSAGES = `
  INSERT INTO messages (id, owner, created_at, thread_id, role, content, attachments, metadata, status, assistant_id, run_id, completed_at)
  SELECT 'msg_bench_' || $2::text || '_' || lpad(n::text, 24, '0'),
         $3::text,
         $4::int,
         $1::text,
         'user',
         jsonb_build_array(jsonb_build_object(
           'type', 'text',
           'text', jsonb_build_object('value', 'hello ' || n, 'annotations', '[]'::jsonb))),
         '[]'::jsonb,
         '{}'::jsonb,
         'completed',
         NULL,
         NULL,
         $4::int
  FROM generate_series(1, $5::int) AS n`;

/** Bulk-inserts the list scenarios' messages, then ANALYZE so the planner sees the real table. */
async function seedMessages(databaseUrl, ids, { small, large }) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = Math.floor(Date.now() / 1000);
    await client.query(INSERT_MESSAGES, [ids.threadSmall, 'small', OWNER, now, small]);
    await client.query(INSERT_MESSAGES, [ids.threadLarge, 'large', OWNER, now, large]);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/**
 * One request per list before any load: a benchmark of an empty or failing page would measure
 * the wrong thing. Lists are newest first, so a page must start with the last row inserted.
 */
async function checkLists(api, ids, { small, large }) {
  for (const [threadId, tag, count] of [
    [ids.threadSmall, 'small', small],
    [ids.threadLarge, 'large', large],
  ]) {
    const page = await api('GET', `/api/ai/threads/${threadId}/messages?limit=20`);
    const expectedFirst = `msg_bench_${tag}_${String(count).padStart(24, '0')}`;
    if (page.data.length !== 20 || !page.has_more || page.first_id !== expectedFirst) {
      throw new Error(`seeding: list of ${threadId} answered ${page.data.length} messages, first ${page.first_id}, has_more ${page.has_more}`);
    }
  }
}

/** Removes what the run created; only needed on an external database (an embedded one is deleted whole). */
async function removeSeed(databaseUrl, ids) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Messages go with their threads (ON DELETE CASCADE).
    await client.query('DELETE FROM threads WHERE id = ANY($1::text[])', [[ids.threadSmall, ids.threadLarge, ids.threadWrite]]);
    await client.query('DELETE FROM assistants WHERE id = $1', [ids.assistantId]);
  } finally {
    await client.end();
  }
}

module.exports = { OWNER, apiClient, seedThroughApi, seedMessages, checkLists, removeSeed };
