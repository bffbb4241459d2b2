'use strict';

/**
 * Poste's vector-store API as the retrieval benchmark uses it: upload files (multipart, like the
 * SDK), create stores, attach files, wait until they are indexed, search. Any non-2xx answer
 * outside a search is a harness failure.
 */

const { Client } = require('pg');
const { HttpClient } = require('./http');
const { AUTHORIZATION } = require('./poste');
const { monotonicMs } = require('./util');

const API = '/api/ai';
const POLL_INTERVAL_MS = 100;

class VectorStoreApi {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
    this.http = new HttpClient(baseUrl, { authorization: AUTHORIZATION });
  }

  createStore(name) {
    return this.http.json('POST', `${API}/vector_stores`, { name });
  }

  retrieveStore(storeId) {
    return this.http.json('GET', `${API}/vector_stores/${storeId}`);
  }

  /** `POST /files` with `purpose=assistants`, multipart through fetch, as the SDK sends it. */
  async upload(filename, content) {
    const form = new FormData();
    form.append('purpose', 'assistants');
    form.append('file', new Blob([content], { type: 'text/markdown' }), filename);
    const response = await fetch(`${this.baseUrl}${API}/files`, { method: 'POST', headers: { authorization: AUTHORIZATION }, body: form });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`POST /files (${filename}) answered ${response.status}: ${text.slice(0, 300)}`);
    }
    return JSON.parse(text);
  }

  /** Uploads `[{ filename, content }]`, `concurrency` at a time; answers the file objects in order. */
  async uploadAll(documents, concurrency = 4) {
    const files = new Array(documents.length);
    let next = 0;
    const worker = async () => {
      while (next < documents.length) {
        const index = next++;
        files[index] = await this.upload(documents[index].filename, documents[index].content);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, documents.length) }, worker));
    return files;
  }

  attach(storeId, fileId) {
    return this.http.json('POST', `${API}/vector_stores/${storeId}/files`, { file_id: fileId });
  }

  /**
   * Polls the store's file_counts every 100 ms until no file is in progress and `total` files
   * are counted. Answers the last counts and when (monotonic ms) they were first seen.
   */
  async waitForFiles(storeId, total, timeoutMs) {
    const deadline = monotonicMs() + timeoutMs;
    for (;;) {
      const store = await this.retrieveStore(storeId);
      const counts = store.file_counts;
      if (counts.in_progress === 0 && counts.total >= total) {
        return { counts, usageBytes: store.usage_bytes, doneAt: monotonicMs() };
      }
      if (monotonicMs() > deadline) {
        throw new Error(`vector store ${storeId}: files still in progress after ${timeoutMs / 1000} s: ${JSON.stringify(counts)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }

  /** Files of the store that are not completed, with their last_error (for the report). */
  async unfinishedFiles(storeId) {
    const page = await this.http.json('GET', `${API}/vector_stores/${storeId}/files?limit=100&filter=failed`);
    return page.data.map((file) => ({ id: file.id, status: file.status, lastError: file.last_error }));
  }

  /** One search, timed; never throws for an HTTP error (it is counted as a failed search). */
  async search(storeId, query, maxResults) {
    try {
      const response = await this.http.send('POST', `${API}/vector_stores/${storeId}/search`, { query, max_num_results: maxResults });
      if (response.status !== 200) {
        return { ok: false, ms: response.ms, failure: `HTTP ${response.status}: ${response.text.slice(0, 160)}`, data: [] };
      }
      return { ok: true, ms: response.ms, data: JSON.parse(response.text).data };
    } catch (error) {
      return { ok: false, ms: NaN, failure: `request failed: ${error?.message ?? error}`, data: [] };
    }
  }

  close() {
    this.http.close();
  }
}

/** Removes stores (their files' entries and chunks cascade) and uploaded files: for an external database. */
async function removeStoresAndFiles(databaseUrl, storeIds, fileIds) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('DELETE FROM vector_stores WHERE id = ANY($1::text[])', [storeIds]);
    await client.query('DELETE FROM files WHERE id = ANY($1::text[])', [fileIds]);
  } finally {
    await client.end();
  }
}

module.exports = { VectorStoreApi, removeStoresAndFiles };
