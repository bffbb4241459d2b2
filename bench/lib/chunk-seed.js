'use strict';

/**
 * Vector stores of 10 000 and 100 000 chunks, inserted with SQL: indexing that many through the
 * API would take longer than the whole benchmark. The store and its files are created through the
 * API first (so they are what Poste would make); then each file gets a `completed`
 * vector_store_files row and its chunks, and PostgreSQL fills the generated `tsv` column and the
 * GIN index exactly as it does for chunks Poste writes.
 *
 * The chunks look like Poste's own: 800 tokens each, overlapping the next by 400 (chunk k of a
 * file is passage k + passage k+1 of the generator's prose), sized with the o200k tokenizer's
 * measured characters per token. Batches of chunks go through several connections at once while
 * the next batch is being generated. If vector_store_chunks has pgvector columns (hybrid search),
 * they are filled with random unit vectors of their dimension.
 */

const { Client } = require('pg');
const { encode } = require('gpt-tokenizer');
const { Prose, random } = require('./text');
const { OWNER } = require('./seed');

const CHUNK_TOKENS = 800;
const OVERLAP_TOKENS = 400;
const BATCH_CHUNKS = 200;
const CHUNKING_STRATEGY = { type: 'static', static: { max_chunk_size_tokens: CHUNK_TOKENS, chunk_overlap_tokens: OVERLAP_TOKENS } };

/** Characters per o200k token of the generator's prose, measured on a sample (about 0.1 s). */
function charactersPerToken() {
  const sample = new Prose(1).document(200_000);
  return sample.length / encode(sample).length;
}

/** pgvector columns of vector_store_chunks, with their dimension (null when the column has none). */
async function vectorColumns(client) {
  const { rows } = await client.query(
    `SELECT a.attname AS name, CASE WHEN a.atttypmod > 0 THEN a.atttypmod END AS dimensions
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = 'vector_store_chunks'::regclass AND t.typname = 'vector' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  return rows;
}

function unitVector(rnd, dimensions) {
  const values = new Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    values[i] = rnd() * 2 - 1;
    norm += values[i] * values[i];
  }
  norm = Math.sqrt(norm);
  return `[${values.map((value) => (value / norm).toFixed(5)).join(',')}]`;
}

/** Yields batches of chunk rows for `files` files of `perFile` chunks each. */
function* chunkBatches({ fileIds, perFile, seed, halfLength, charsPerToken, vectors }) {
  const prose = new Prose(seed);
  const rnd = random(seed + 1);
  let batch = emptyBatch(vectors);
  for (const fileId of fileIds) {
    let previous = prose.passage(halfLength);
    for (let index = 0; index < perFile; index++) {
      const following = prose.passage(halfLength);
      const content = `${previous} ${following}`;
      previous = following;
      batch.fileIds.push(fileId);
      batch.indexes.push(index);
      batch.contents.push(content);
      batch.tokens.push(Math.round(content.length / charsPerToken));
      batch.bytes += content.length;
      vectors.forEach((column, i) => batch.vectors[i].push(unitVector(rnd, column.dimensions)));
      if (batch.contents.length === BATCH_CHUNKS) {
        yield batch;
        batch = emptyBatch(vectors);
      }
    }
  }
  if (batch.contents.length > 0) {
    yield batch;
  }
}

function emptyBatch(vectors) {
  return { fileIds: [], indexes: [], contents: [], tokens: [], bytes: 0, vectors: vectors.map(() => []) };
}

function insertSql(vectors) {
  const columns = vectors.map((column) => `, "${column.name}"`).join('');
  const values = vectors.map((_, i) => `, v${i}::vector`).join('');
  const arrays = vectors.map((_, i) => `, $${7 + i}::text[]`).join('');
  const names = vectors.map((_, i) => `, v${i}`).join('');
  return `INSERT INTO vector_store_chunks (vector_store_id, file_id, owner, chunk_index, content, tokens${columns})
          SELECT $1, f, $2, i, c, t${values}
            FROM unnest($3::text[], $4::int[], $5::text[], $6::int[]${arrays}) AS u(f, i, c, t${names})`;
}

/**
 * Inserts `perFile` chunks for each of `fileIds` into store `storeId` (the files must exist and
 * not be attached yet). Answers `{ chunks, bytes, vectorColumns }`.
 */
async function seedChunks(databaseUrl, { storeId, fileIds, perFile, seed, charsPerToken, connections = 2 }) {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return client;
  }));
  try {
    const [first] = clients;
    const vectors = (await vectorColumns(first)).filter((column) => column.dimensions !== null);
    const now = Math.floor(Date.now() / 1000);
    const halfLength = Math.round((CHUNK_TOKENS - OVERLAP_TOKENS) * charsPerToken);
    await first.query(
      `INSERT INTO vector_store_files (vector_store_id, file_id, owner, created_at, status, usage_bytes, chunking_strategy, attributes)
       SELECT $1, f, $2, $3, 'completed', $4, $5::jsonb, '{}'::jsonb FROM unnest($6::text[]) AS f`,
      [storeId, OWNER, now, Math.round((perFile + 1) * halfLength), JSON.stringify(CHUNKING_STRATEGY), fileIds],
    );
    const sql = insertSql(vectors);
    const batches = chunkBatches({ fileIds, perFile, seed, halfLength, charsPerToken, vectors });
    let chunks = 0;
    let bytes = 0;
    // Each connection takes the next generated batch when its insert is done; generating one
    // batch (synchronous) overlaps the other connections' inserts.
    const worker = async (client) => {
      for (let step = batches.next(); !step.done; step = batches.next()) {
        const batch = step.value;
        await client.query(sql, [storeId, OWNER, batch.fileIds, batch.indexes, batch.contents, batch.tokens, ...batch.vectors]);
        chunks += batch.contents.length;
        bytes += batch.bytes;
      }
    };
    await Promise.all(clients.map(worker));
    return { chunks, bytes, vectorColumns: vectors.map((column) => `${column.name} (${column.dimensions})`) };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** After the bulk insert: VACUUM (visibility map, GIN pending list) and fresh statistics, as in a settled database. */
async function settle(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) vector_store_chunks');
    await client.query('VACUUM (ANALYZE) vector_store_files');
  } finally {
    await client.end();
  }
}

module.exports = { CHUNK_TOKENS, OVERLAP_TOKENS, charactersPerToken, seedChunks, settle };
