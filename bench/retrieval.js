'use strict';

/**
 * The retrieval benchmark, started by bench/run.js (BENCH_ONLY=retrieval): how fast Poste indexes
 * files into a vector store, how fast it searches stores of 10 000 and 100 000 chunks, and how
 * often the right document comes back for a labelled question.
 *
 * Setup: one Poste (POSTE_ROLE=all, so it indexes on its own job queue), throttling off.
 *
 * Phases:
 *   1. ingest: N generated markdown documents (bench/lib/text.js, deterministic) are uploaded,
 *      attached to one store at once, and timed from the first upload to the moment the store's
 *      file_counts say all are done (polled every 100 ms): MB/s of text, with and without the
 *      upload, chunks created, CPU used by Poste and PostgreSQL;
 *   2. seeding: two stores of 10 000 and 100 000 chunks, made through the API and filled with
 *      SQL (bench/lib/chunk-seed.js), then VACUUM ANALYZE;
 *   3. search latency, per store: generated 1–6-word queries (common, content and rare words),
 *      sequentially after a warm-up (p50/p99/max, by kind), then 10 connections in a closed loop
 *      (requests/s); a p99 over the target at the large store prints EXPLAIN of the slowest query;
 *   4. recall@5 and MRR: the labelled set in bench/data (24 short documents of a fictional company,
 *      49 questions naming the file that answers them), uploaded to a fresh store.
 * Phases 3 and 4 are one function of a Poste base URL, so they run again on a second Poste
 * configured for hybrid search (BENCH_RETRIEVAL_HYBRID_ENV sets its EMBEDDINGS_MODEL) when the
 * database has pgvector, after the seeded chunks got random embeddings; otherwise a line says why
 * hybrid search was not measured. Without an OPENAI_BASE_URL there, the benchmark's scripted model
 * (bench/lib/scripted-model.js) answers the embeddings: hashed bags of words, so latency is
 * Poste's own and recall only says what shared words can find. With BENCH_PGVECTOR=pglite the
 * whole part runs on PGlite (one WASM backend: not production figures; the output says so).
 *
 * Targets: ingest ≥ 5 MB/s; keyword search p99 ≤ 50 ms at 100 000 chunks.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { startPoste } = require('./lib/poste');
const { freePort, startNode, waitUntilReady, stopChild } = require('./lib/processes');
const { HttpClient } = require('./lib/http');
const { reportPosteLogs } = require('./lib/report');
const { CpuMeter } = require('./lib/cpu');
const { Prose, searchQueries } = require('./lib/text');
const { VectorStoreApi, removeStoresAndFiles } = require('./lib/vector-stores');
const { CHUNK_TOKENS, OVERLAP_TOKENS, charactersPerToken, seedChunks, settle, seedEmbeddings } = require('./lib/chunk-seed');
const { fixed, table } = require('./lib/table');
const { log, seconds, positiveInt, percentile, monotonicMs } = require('./lib/util');

const TARGETS = {
  ingestMBps: 5, // MB/s of text, first upload → all files completed
  keywordP99: 50, // ms, sequential keyword search p99 on the large store
};
const MB = 1_000_000;
const DATA = path.join(__dirname, 'data');
const CHUNKS_PER_SEEDED_FILE = 500;
const SEARCH_RESULTS = 10; // max_num_results of the latency phases (the API's default)
const RECALL_AT = 5;
const TEXT_SEARCH_CONFIG = 'english'; // of vector_store_chunks.tsv and keyword-search.ts
const INGEST_TIMEOUT_MS = 600_000;
const WARMUP_MAX_MS = 5_000; // a warm-up stops after this long even if queries are left
const SEEDS = { ingest: 1_000, small: 2_100, large: 2_200, queries: 3_001, warmup: 3_002 };
const DEFAULT_SIZES = { small: 10_000, large: 100_000 };
// Random vectors for the seeded chunks: a real model's size, but on PGlite (single-threaded WASM)
// an HNSW build over 110 000 vectors of 1 536 dimensions would take about half an hour (256: 5 minutes).
const EMBEDDING_DIMENSIONS = { default: 1536, pglite: 256 };
// Time limit of a store's sequential searches: on PGlite a common query at 100 000 chunks takes
// seconds, and 30 s would leave too few searches for a p99.
const SEQUENTIAL_SECONDS = { default: 30, pglite: 120 };
// Vectors sampled per store to count what the vector ranking hands to fusion.
const VECTOR_PROBES = 20;

function readConfig(database) {
  return {
    ingestMB: positiveInt('BENCH_RETRIEVAL_INGEST_MB', 20),
    ingestFiles: positiveInt('BENCH_RETRIEVAL_INGEST_FILES', 20),
    small: positiveInt('BENCH_RETRIEVAL_SMALL', DEFAULT_SIZES.small),
    large: positiveInt('BENCH_RETRIEVAL_LARGE', DEFAULT_SIZES.large),
    queries: positiveInt('BENCH_RETRIEVAL_QUERIES', 300),
    sequentialSeconds: positiveInt('BENCH_RETRIEVAL_SEQUENTIAL_SECONDS', SEQUENTIAL_SECONDS[database.engine] ?? SEQUENTIAL_SECONDS.default),
    warmup: positiveInt('BENCH_RETRIEVAL_WARMUP', 30),
    connections: positiveInt('BENCH_RETRIEVAL_CONNECTIONS', 10),
    duration: positiveInt('BENCH_RETRIEVAL_DURATION', 10),
    hybridEnv: extraEnv(process.env.BENCH_RETRIEVAL_HYBRID_ENV),
    embeddingDimensions: positiveInt('BENCH_RETRIEVAL_EMBEDDING_DIMENSIONS', EMBEDDING_DIMENSIONS[database.engine] ?? EMBEDDING_DIMENSIONS.default),
  };
}

async function benchRetrieval({ database, cleanup, machine }) {
  const config = readConfig(database);
  const started = Date.now();
  const phases = new PhaseClock();
  const created = trackCreated(database, cleanup);
  const poste = await startPoste(database.url, cleanup, { label: 'Poste (retrieval)', env: { POSTE_ROLE: 'all' } });
  const api = new VectorStoreApi(poste.baseUrl);
  const cpu = await CpuMeter.create(poste.child.pid, database.url, database.pid);

  log(`retrieval: ingest of ${config.ingestMB} MB in ${config.ingestFiles} files`);
  const ingest = await phases.time('ingest', () => measureIngest(api, database.url, cpu, config, created));

  log(`retrieval: seeding stores of ${config.small} and ${config.large} chunks with SQL`);
  const stores = await phases.time('seeding', () => seedStores(api, database.url, config, created));
  log(`retrieval: seeded in ${fixed((stores.insertMs + stores.settleMs) / 1000, 1)} s`);

  const keyword = await phases.time('keyword search + recall', () =>
    measureSearchSuite(poste.baseUrl, { label: 'keyword', stores, config, cpu, created, databaseUrl: database.url }),
  );
  api.close();
  await poste.stop();

  const hybrid = await measureHybrid(database, cleanup, { stores, config, created, phases });
  log(`retrieval part took ${seconds(started)}`);

  console.log('== Retrieval ==');
  printEngine(database, config);
  printIngest(ingest);
  console.log('');
  printSeeding(stores);
  console.log('');
  for (const suite of [keyword, hybrid.suite].filter(Boolean)) {
    printLatency(suite, config, machine);
    console.log('');
    printRecall(suite);
    console.log('');
  }
  if (hybrid.suite) {
    printHybridNotes(hybrid, config);
    console.log('');
  } else {
    console.log(`hybrid: not measured — ${hybrid.reason}`);
    console.log('');
  }
  printPhases(phases, started);
  const keywordMissed = printRetrievalTargets(ingest, keyword, stores, database);
  if (keywordMissed || process.env.BENCH_EXPLAIN === '1') {
    await explainSlowest(database.url, keyword, stores);
  }
  reportPosteLogs(poste.output, 'Poste (retrieval)');
  if (hybrid.poste) {
    reportPosteLogs(hybrid.poste.output, 'Poste (hybrid)');
  }
  if (database.output) {
    reportPosteLogs(database.output, 'PGlite');
  }
}

/** Wall time of each phase of the part, in order, for the report. */
class PhaseClock {
  constructor() {
    this.phases = [];
  }

  async time(name, action) {
    const startedAt = Date.now();
    try {
      return await action();
    } finally {
      this.phases.push({ name, ms: Date.now() - startedAt });
    }
  }
}

/** Ids of what the part creates, deleted again at cleanup on an external database (an embedded one goes whole). */
function trackCreated(database, cleanup) {
  const created = { stores: [], files: [] };
  if (!database.embedded) {
    cleanup.add('retrieval stores and files', () => removeStoresAndFiles(database.url, created.stores, created.files));
  }
  return created;
}

function extraEnv(raw) {
  const env = {};
  for (const pair of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) {
      throw new Error(`BENCH_RETRIEVAL_HYBRID_ENV: "${pair}" is not NAME=value`);
    }
    env[match[1]] = match[2];
  }
  return env;
}

// ---- 1. ingest ----

function ingestDocuments(config) {
  const bytes = Math.ceil((config.ingestMB * MB) / config.ingestFiles);
  return Array.from({ length: config.ingestFiles }, (_, index) => ({
    filename: `ingest-${String(index + 1).padStart(3, '0')}.md`,
    content: new Prose(SEEDS.ingest + index).document(bytes),
  }));
}

async function measureIngest(api, databaseUrl, cpu, config, created) {
  const documents = ingestDocuments(config);
  const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.content), 0);
  const store = await api.createStore('bench-ingest');
  created.stores.push(store.id);

  const cpuBefore = cpu.snapshot();
  const startedAt = monotonicMs();
  const files = await api.uploadAll(documents);
  created.files.push(...files.map((file) => file.id));
  const uploadedAt = monotonicMs();
  await Promise.all(files.map((file) => api.attach(store.id, file.id)));
  const attachedAt = monotonicMs();
  const { counts, usageBytes, doneAt } = await api.waitForFiles(store.id, files.length, INGEST_TIMEOUT_MS);
  const cpuUsed = CpuMeter.difference(cpuBefore, cpu.snapshot(), 1);

  const failures = counts.failed > 0 ? await api.unfinishedFiles(store.id) : [];
  return {
    files: files.length,
    bytes,
    usageBytes,
    counts,
    failures,
    uploadMs: uploadedAt - startedAt,
    attachMs: attachedAt - uploadedAt,
    indexMs: doneAt - uploadedAt,
    totalMs: doneAt - startedAt,
    cpu: cpuUsed,
    chunks: await chunkStats(databaseUrl, store.id),
  };
}

async function chunkStats(databaseUrl, storeId) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [row] } = await client.query(
      `SELECT count(*)::int AS chunks, coalesce(sum(tokens), 0)::bigint AS tokens, avg(length(content))::float AS characters
         FROM vector_store_chunks WHERE vector_store_id = $1`,
      [storeId],
    );
    return { count: row.chunks, tokens: Number(row.tokens), characters: row.characters };
  } finally {
    await client.end();
  }
}

// ---- 2. seeded stores ----

/** The small and the large store: created and given files through the API, filled with SQL. */
async function seedStores(api, databaseUrl, config, created) {
  const startedAt = monotonicMs();
  const charsPerToken = charactersPerToken();
  const stores = [];
  for (const [name, chunks, seed] of [['small', config.small, SEEDS.small], ['large', config.large, SEEDS.large]]) {
    const fileCount = Math.max(1, Math.ceil(chunks / CHUNKS_PER_SEEDED_FILE));
    const store = await api.createStore(`bench-${name}`);
    created.stores.push(store.id);
    const files = await api.uploadAll(
      Array.from({ length: fileCount }, (_, index) => ({
        filename: `seeded-${name}-${String(index + 1).padStart(4, '0')}.md`,
        content: `# Seeded file ${index + 1}\n\nIts chunks were inserted with SQL by the benchmark.\n`,
      })),
      8,
    );
    created.files.push(...files.map((file) => file.id));
    const fileIds = files.map((file) => file.id);
    // Spread evenly: the first `chunks % fileCount` files take one chunk more.
    const base = Math.floor(chunks / fileCount);
    const longer = chunks % fileCount;
    const seeded = { chunks: 0, bytes: 0 };
    for (const [group, perFile, groupSeed] of [[fileIds.slice(0, longer), base + 1, seed], [fileIds.slice(longer), base, seed + 1]]) {
      if (group.length > 0) {
        const result = await seedChunks(databaseUrl, { storeId: store.id, fileIds: group, perFile, seed: groupSeed, charsPerToken, connections: 2 });
        seeded.chunks += result.chunks;
        seeded.bytes += result.bytes;
      }
    }
    stores.push({ name, id: store.id, files: fileCount, ...seeded });
  }
  const insertedAt = monotonicMs();
  await settle(databaseUrl);
  const settledAt = monotonicMs();
  await checkSeeded(api, stores, databaseUrl);
  return { stores, charsPerToken, insertMs: insertedAt - startedAt, settleMs: settledAt - insertedAt, tableChunks: await tableChunks(databaseUrl) };
}

/** Poste must see the seeded stores as complete, or the search figures would describe the wrong thing. */
async function checkSeeded(api, stores, databaseUrl) {
  for (const store of stores) {
    const object = await api.retrieveStore(store.id);
    if (object.file_counts.completed !== store.files || object.file_counts.total !== store.files) {
      throw new Error(`seeding: store ${store.id} counts ${JSON.stringify(object.file_counts)}, expected ${store.files} completed files`);
    }
    // A word of a seeded chunk (its longest: never a stop word) must find that chunk's store.
    const word = await seededWord(databaseUrl, store.id);
    const search = await api.search(store.id, word, 1);
    if (!search.ok || search.data.length !== 1) {
      throw new Error(`seeding: a search of store ${store.id} for "${word}" answered ${search.failure ?? `${search.data.length} results`}`);
    }
  }
}

async function seededWord(databaseUrl, storeId) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT content FROM vector_store_chunks WHERE vector_store_id = $1 LIMIT 1', [storeId]);
    return rows[0].content.split(/[^A-Za-z]+/).reduce((longest, word) => (word.length > longest.length ? word : longest), '');
  } finally {
    await client.end();
  }
}

async function tableChunks(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('SELECT count(*)::int AS n FROM vector_store_chunks')).rows[0].n;
  } finally {
    await client.end();
  }
}

// ---- 3 and 4: latency and recall, against any Poste ----

/**
 * Search latency on the seeded stores and recall on the labelled set, through the Poste at
 * `baseUrl` (keyword-only now; the same for a Poste configured for hybrid search).
 */
async function measureSearchSuite(baseUrl, { label, stores, config, cpu, created, databaseUrl }) {
  const api = new VectorStoreApi(baseUrl);
  try {
    const latency = [];
    for (const store of stores.stores) {
      log(
        `retrieval (${label}): searching the ${store.chunks}-chunk store (${config.warmup} warm-up, ` +
          `${config.queries} sequential or ${config.sequentialSeconds} s, ${config.connections} connections for ${config.duration} s)`,
      );
      const startedAt = Date.now();
      const measured = await measureLatency(api, store, config, cpu);
      measured.frequencies = await wordFrequencies(databaseUrl, store.id, measured.sequential.results);
      latency.push(measured);
      log(`retrieval (${label}): the ${store.chunks}-chunk store took ${seconds(startedAt)}`);
    }
    log(`retrieval (${label}): recall@${RECALL_AT} on the labelled set`);
    const recall = await measureRecall(api, created);
    return { label, latency, recall };
  } finally {
    api.close();
  }
}

/**
 * A warm-up, the sequential searches (stopped early, with a note, if they run past
 * BENCH_RETRIEVAL_SEQUENTIAL_SECONDS), then the closed loop of concurrent searches.
 */
async function measureLatency(api, store, config, cpu) {
  const warmupEnd = monotonicMs() + WARMUP_MAX_MS;
  for (const query of searchQueries(config.warmup, SEEDS.warmup)) {
    if (monotonicMs() > warmupEnd) {
      break;
    }
    await api.search(store.id, query.text, SEARCH_RESULTS);
  }
  const queries = searchQueries(config.queries, SEEDS.queries);
  let before = cpu?.snapshot();
  const results = [];
  const deadline = monotonicMs() + config.sequentialSeconds * 1000;
  for (const query of queries) {
    if (monotonicMs() > deadline) {
      break;
    }
    results.push({ ...query, ...(await api.search(store.id, query.text, SEARCH_RESULTS)) });
  }
  const sequentialCpu = CpuMeter.difference(before, cpu?.snapshot(), results.length);

  before = cpu?.snapshot();
  const concurrent = await closedLoop(api, store.id, queries, config.connections, config.duration * 1000);
  concurrent.cpu = CpuMeter.difference(before, cpu?.snapshot(), concurrent.results.length);
  return { store, sequential: { results, cpu: sequentialCpu, planned: queries.length }, concurrent };
}

/** `connections` loops, each searching the next query as soon as its last answered, for `ms`. */
async function closedLoop(api, storeId, queries, connections, ms) {
  const results = [];
  const startedAt = monotonicMs();
  const deadline = startedAt + ms;
  const loop = async (offset) => {
    for (let index = offset; monotonicMs() < deadline; index++) {
      const query = queries[index % queries.length];
      results.push({ ...query, ...(await api.search(storeId, query.text, SEARCH_RESULTS)) });
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, i) => loop(Math.floor((i * queries.length) / connections))));
  return { results, connections, wall: monotonicMs() - startedAt };
}

/**
 * For each query, how many of the store's chunks hold its commonest word (from one ts_stat pass
 * over the store; words as the text-search configuration makes them lexemes, stop words dropped):
 * a floor on how many chunks the OR-ed keyword query matches and must rank.
 */
async function wordFrequencies(databaseUrl, storeId, results) {
  const wordsOf = (text) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const words = [...new Set(results.flatMap((result) => wordsOf(result.text)))];
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: lexemes } = await client.query(
      `SELECT word, tsvector_to_array(to_tsvector('${TEXT_SEARCH_CONFIG}', word)) AS lexemes FROM unnest($1::text[]) AS word`,
      [words],
    );
    const lexemesOf = new Map(lexemes.map((row) => [row.word, row.lexemes]));
    const { rows } = await client.query(
      `SELECT word, ndoc FROM ts_stat(format('SELECT tsv FROM vector_store_chunks WHERE vector_store_id = %L', $1::text))
        WHERE word = ANY($2::text[])`,
      [storeId, [...new Set(lexemes.flatMap((row) => row.lexemes))]],
    );
    const ndoc = new Map(rows.map((row) => [row.word, row.ndoc]));
    const frequency = (word) => Math.max(0, ...(lexemesOf.get(word) ?? []).map((lexeme) => ndoc.get(lexeme) ?? 0));
    return new Map(results.map((result) => [result.text, Math.max(0, ...wordsOf(result.text).map(frequency))]));
  } finally {
    await client.end();
  }
}

function labelledSet() {
  const dir = path.join(DATA, 'retrieval-corpus');
  const documents = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((filename) => ({ filename, content: fs.readFileSync(path.join(dir, filename), 'utf8') }));
  const { queries } = JSON.parse(fs.readFileSync(path.join(DATA, 'retrieval-queries.json'), 'utf8'));
  const known = new Set(documents.map((document) => document.filename));
  for (const query of queries) {
    const unknown = query.relevant.find((filename) => !known.has(filename));
    if (unknown) {
      throw new Error(`bench/data/retrieval-queries.json: "${query.query}" names ${unknown}, which is not in the corpus`);
    }
  }
  return { documents, queries };
}

async function measureRecall(api, created) {
  const { documents, queries } = labelledSet();
  const store = await api.createStore('bench-recall');
  created.stores.push(store.id);
  const startedAt = monotonicMs();
  const files = await api.uploadAll(documents);
  created.files.push(...files.map((file) => file.id));
  for (const file of files) {
    await api.attach(store.id, file.id);
  }
  const { counts, doneAt } = await api.waitForFiles(store.id, files.length, INGEST_TIMEOUT_MS);
  if (counts.completed !== files.length) {
    throw new Error(`recall: only ${counts.completed} of ${files.length} labelled documents were indexed: ${JSON.stringify(await api.unfinishedFiles(store.id))}`);
  }
  const results = [];
  for (const query of queries) {
    const search = await api.search(store.id, query.query, RECALL_AT);
    const filenames = search.data.map((hit) => hit.filename);
    const rank = filenames.findIndex((filename) => query.relevant.includes(filename)) + 1;
    results.push({ ...query, ok: search.ok, failure: search.failure, filenames, rank });
  }
  return { storeId: store.id, documents: documents.length, indexMs: doneAt - startedAt, results };
}

// ---- hybrid ----

/** Why hybrid search cannot be measured here, or null when it can. */
async function hybridUnavailable(databaseUrl, hybridEnv) {
  const reasons = [];
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
    if (rowCount === 0) {
      reasons.push("this PostgreSQL has no pgvector (no 'vector' in pg_available_extensions)");
    } else if (!(await client.query("SELECT to_regclass('vector_store_chunk_embeddings') AS t")).rows[0].t) {
      reasons.push('the database has pgvector but no vector_store_chunk_embeddings table (Poste migrated it before the extension was available)');
    }
  } finally {
    await client.end();
  }
  if (!hybridEnv.EMBEDDINGS_MODEL) {
    reasons.push('BENCH_RETRIEVAL_HYBRID_ENV sets no EMBEDDINGS_MODEL (see bench/README.md, Retrieval)');
  }
  return reasons.length ? reasons.join('; ') : null;
}

/**
 * The same latency and recall phases on a second Poste with EMBEDDINGS_MODEL, when the database
 * can do it; the seeded chunks get random vectors first (their seeding time is reported). Without
 * an OPENAI_BASE_URL in BENCH_RETRIEVAL_HYBRID_ENV, the benchmark's scripted model answers the
 * embeddings (at the seeded vectors' size, so that queries meet the same HNSW index).
 */
async function measureHybrid(database, cleanup, { stores, config, created, phases }) {
  const reason = await hybridUnavailable(database.url, config.hybridEnv);
  if (reason) {
    return { reason };
  }
  log(`retrieval (hybrid): random ${config.embeddingDimensions}-dimension embeddings for the seeded chunks, and their HNSW index`);
  const embeddings = await phases.time('hybrid: random vectors + HNSW index', () =>
    seedEmbeddings(database.url, {
      storeIds: stores.stores.map((store) => store.id),
      model: config.hybridEnv.EMBEDDINGS_MODEL,
      dimensions: config.embeddingDimensions,
    }),
  );
  stores.embeddings = { ...embeddings, dimensions: config.embeddingDimensions };
  log(`retrieval (hybrid): ${embeddings.vectors} vectors in ${fixed(embeddings.insertMs / 1000, 1)} s, HNSW index in ${fixed(embeddings.indexMs / 1000, 1)} s`);

  const model = config.hybridEnv.OPENAI_BASE_URL ? null : await startEmbeddingsModel(cleanup, config.embeddingDimensions);
  const env = { POSTE_ROLE: 'all', ...(model && { OPENAI_BASE_URL: `${model.baseUrl}/v1`, OPENAI_API_KEY: 'unused' }), ...config.hybridEnv };
  const poste = await startPoste(database.url, cleanup, { label: 'Poste (hybrid)', env });
  const cpu = await CpuMeter.create(poste.child.pid, database.url, database.pid);
  await model?.reset();
  const suite = await phases.time('hybrid search + recall', () =>
    measureSearchSuite(poste.baseUrl, { label: 'hybrid', stores, config, cpu, created, databaseUrl: database.url }),
  );
  const embeddingCalls = await model?.counts();
  await poste.stop();
  await model?.stop();
  const storeIds = [...stores.stores.map((store) => ({ name: `${integer.format(store.chunks)}-chunk store`, id: store.id })), { name: 'labelled-set store', id: suite.recall.storeId }];
  const candidates = await vectorCandidates(database.url, storeIds, config.hybridEnv.EMBEDDINGS_MODEL, config.embeddingDimensions);
  return { suite, poste, model: Boolean(model), embeddingCalls, candidates };
}

/**
 * The scripted model (bench/lib/scripted-model.js) in its own process, for its embeddings route:
 * vectors of `dimensions` unless a request names others. Stopped at cleanup, or earlier by `stop`.
 */
async function startEmbeddingsModel(cleanup, dimensions) {
  const port = await freePort();
  const server = startNode(path.join(__dirname, 'lib', 'scripted-model.js'), { PORT: String(port), HOST: '127.0.0.1', EMBEDDING_DIMENSIONS: String(dimensions) });
  const stop = () => stopChild(server.child);
  cleanup.add('embeddings model', stop);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${baseUrl}/v1/models`, { ...server, name: 'embeddings model' });
  const control = new HttpClient(baseUrl);
  log(`retrieval (hybrid): the benchmark's embeddings model (hashed bag of words, ${dimensions} dimensions) on port ${port}`);
  return {
    baseUrl,
    reset: () => control.json('POST', '/__bench/reset'),
    /** Embeddings requests and texts since the last reset. */
    counts: () => control.json('GET', '/__bench/embeddings'),
    stop: async () => {
      control.close();
      await stop();
    },
  };
}

/**
 * The vector ranking's query as src/retrieval/embeddings/chunk-embeddings.ts (nearest) sends it
 * (no filters; HIT_COLUMNS and SEARCHABLE_CHUNKS written out, the dimension inlined as Poste
 * does); keep the two in step. $3 is the number of candidates ChunkSearch asks for.
 */
const vectorSql = (dimensions) => `
  SELECT c.id AS chunk_id, c.file_id, f.filename, vsf.attributes, c.content,
         1 - ((e.embedding::vector(${dimensions})) <=> $2::vector(${dimensions})) AS score
    FROM vector_store_chunk_embeddings e
    JOIN vector_store_chunks c ON c.id = e.chunk_id
    JOIN vector_store_files vsf
      ON vsf.vector_store_id = c.vector_store_id AND vsf.file_id = c.file_id AND vsf.status = 'completed'
    JOIN files f ON f.id = c.file_id
   WHERE e.dimensions = ${dimensions} AND e.model = $4 AND c.vector_store_id = ANY($1)
   ORDER BY (e.embedding::vector(${dimensions})) <=> $2::vector(${dimensions})
   LIMIT $3`;
// ChunkSearch: max(max_num_results × 3, 30) candidates per ranking; 30 for every search here.
const VECTOR_CANDIDATES = Math.max(SEARCH_RESULTS * 3, 30);

/**
 * How many candidates the vector ranking actually hands to fusion, per store: Poste's query run
 * with the stored vectors of VECTOR_PROBES of the store's chunks as query vectors (any vector of
 * the right size does; these are in the index), with pgvector's default settings and with
 * `hnsw.iterative_scan = strict_order` (pgvector ≥ 0.8), which Poste's nearest() sets for its query
 * in newer builds. With the defaults an HNSW scan stops after hnsw.ef_search (40) neighbours from
 * the WHOLE table and filters by store afterwards, so a store holding a small share of the table's
 * vectors gets fewer than asked; the iterative scan goes on until LIMIT rows pass the filter.
 */
async function vectorCandidates(databaseUrl, stores, model, dimensions) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [{ total }] } = await client.query('SELECT count(*)::int AS total FROM vector_store_chunk_embeddings WHERE dimensions = $1 AND model = $2', [dimensions, model]);
    const results = [];
    for (const store of stores) {
      const { rows: probes } = await client.query(
        `SELECT e.embedding::text AS vector FROM vector_store_chunk_embeddings e JOIN vector_store_chunks c ON c.id = e.chunk_id
          WHERE c.vector_store_id = $1 AND e.dimensions = $2 AND e.model = $3 ORDER BY c.id LIMIT $4`,
        [store.id, dimensions, model, VECTOR_PROBES],
      );
      const { rows: [{ vectors }] } = await client.query(
        'SELECT count(*)::int AS vectors FROM vector_store_chunk_embeddings e JOIN vector_store_chunks c ON c.id = e.chunk_id WHERE c.vector_store_id = $1 AND e.dimensions = $2 AND e.model = $3',
        [store.id, dimensions, model],
      );
      const run = async (iterative) => {
        const counts = [];
        const ms = [];
        await client.query('BEGIN');
        try {
          if (iterative) {
            await client.query("SELECT set_config('hnsw.iterative_scan', 'strict_order', true)");
          }
          for (const probe of probes) {
            const startedAt = monotonicMs();
            const { rowCount } = await client.query(vectorSql(dimensions), [[store.id], probe.vector, VECTOR_CANDIDATES, model]);
            ms.push(monotonicMs() - startedAt);
            counts.push(rowCount);
          }
          const { rows: plan } = await client.query(`EXPLAIN ${vectorSql(dimensions)}`, [[store.id], probes[0]?.vector, VECTOR_CANDIDATES, model]);
          return { counts, ms, usesHnsw: plan.some((row) => /hnsw/.test(row['QUERY PLAN'])) };
        } finally {
          await client.query('COMMIT');
        }
      };
      if (probes.length > 0) {
        results.push({ ...store, vectors, plain: await run(false), iterative: await run(true) });
      }
    }
    return { total, results };
  } finally {
    await client.end();
  }
}

// ---- diagnosis ----

/**
 * The keyword query exactly as the Poste under test sends it (`npm run bench` builds dist/ first).
 * `match` is the pass: Poste runs 'every_word' first and 'any_word' only when that found fewer
 * than the limit.
 */
function keywordSql(match) {
  return require('../dist/retrieval/search/keyword-search.js').keywordSearchSql(match);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the slowest sequential query at the large store, and of a rare one for contrast. */
async function explainSlowest(databaseUrl, suite, stores) {
  const large = suite.latency.at(-1);
  const ok = large.sequential.results.filter((result) => result.ok);
  const slowest = ok.reduce((worst, result) => (result.ms > worst.ms ? result : worst), ok[0]);
  const rare = ok.filter((result) => result.kind === 'rare').sort((a, b) => a.ms - b.ms);
  const medianRare = rare[Math.floor(rare.length / 2)];
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [what, result] of [['the slowest query', slowest], ['a median rare query, for contrast', medianRare]].filter(([, r]) => r)) {
      const params = [[large.store.id], result.text, SEARCH_RESULTS, 0];
      // The pass Poste ended with: any_word only when every_word found too few.
      const everyWord = (await client.query(keywordSql('every_word'), params)).rowCount;
      const match = everyWord >= SEARCH_RESULTS ? 'every_word' : 'any_word';
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${keywordSql(match)}`, params);
      const pass = match === 'every_word' ? 'the every-word pass, which found enough' : `the any-word pass (every word found ${everyWord})`;
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) of the keyword query, ${what}, ${pass}: "${result.text}" (${result.kind}; ${fixed(result.ms, 1)} ms through the API; ` +
          `its commonest word is in ${large.frequencies.get(result.text) ?? '?'} of the store's ${large.store.chunks} chunks; the table holds ${stores.tableChunks}):`,
      );
      rows.forEach((row) => console.log(`  ${row['QUERY PLAN']}`));
    }
  } finally {
    await client.end();
  }
}

// ---- report ----

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const mbps = (bytes, ms) => bytes / MB / (ms / 1000);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function printIngest(ingest) {
  const perFile = ingest.bytes / ingest.files / MB;
  console.log(
    `Ingest: ${ingest.files} generated markdown files of ${fixed(perFile, 2)} MB, ${fixed(ingest.bytes / MB, 1)} MB in all (MB = 10^6 bytes), ` +
      `attached to one store at once (auto chunking: ${CHUNK_TOKENS} tokens, ${OVERLAP_TOKENS} overlap)`,
  );
  table([
    ['Ingest phase', 's', 'MB/s of text'],
    [`upload (${ingest.files} × POST /files, 4 at a time)`, fixed(ingest.uploadMs / 1000, 2), fixed(mbps(ingest.bytes, ingest.uploadMs), 1)],
    [`attach (${ingest.files} × POST /vector_stores/{id}/files, all at once)`, fixed(ingest.attachMs / 1000, 2), ''],
    ['first attach → all completed (indexing)', fixed(ingest.indexMs / 1000, 2), fixed(mbps(ingest.bytes, ingest.indexMs), 2)],
    ['first upload → all completed', fixed(ingest.totalMs / 1000, 2), fixed(mbps(ingest.bytes, ingest.totalMs), 2)],
  ]);
  const { counts, chunks } = ingest;
  console.log(
    `${counts.completed} completed, ${counts.failed} failed, ${counts.cancelled} cancelled of ${counts.total}; ${integer.format(chunks.count)} chunks ` +
      `(${integer.format(chunks.count / ingest.files)} per file), ${fixed(chunks.tokens / 1e6, 2)} M tokens in chunks, ` +
      `${integer.format(chunks.characters)} characters per chunk; usage_bytes ${integer.format(ingest.usageBytes)}`,
  );
  ingest.failures.slice(0, 3).forEach((file) => console.log(`WARNING: ${file.id} ${file.status}: ${JSON.stringify(file.lastError)}`));
  if (ingest.cpu) {
    const cores = os.cpus().length;
    console.log(
      `CPU from first upload to all completed: Poste ${fixed(ingest.cpu.posteMsPerRun / 1000, 1)} s, ` +
        `PostgreSQL ${ingest.cpu.postgresMsPerRun === null ? '–' : `${fixed(ingest.cpu.postgresMsPerRun / 1000, 1)} s`} ` +
        `(${fixed(ingest.cpu.posteMsPerRun / 1000 / (ingest.bytes / MB), 2)} s and ` +
        `${fixed((ingest.cpu.postgresMsPerRun ?? NaN) / 1000 / (ingest.bytes / MB), 2)} s per MB); machine busy ${fixed(ingest.cpu.machineBusyCores, 2)} of ${cores} cores`,
    );
  }
}

/** Which engine the figures come from; on PGlite, that they are not production figures. */
function printEngine(database, config) {
  if (database.engine === 'pglite') {
    console.log(
      'ENGINE: PGlite — PostgreSQL 18 compiled to WASM with pgvector 0.8, in one Node process, with ONE backend that every ' +
        'connection (each Poste pool and job queue, the harness) takes turns on, transaction by transaction, and no autovacuum. ' +
        'Every query runs single-threaded in WASM and concurrent searches queue behind one another: these figures compare ' +
        'keyword with hybrid on the same engine; they are NOT production figures (use DATABASE_URL with a pgvector server for those).',
    );
  } else {
    console.log(`ENGINE: ${database.label}`);
  }
  if (config.small !== DEFAULT_SIZES.small || config.large !== DEFAULT_SIZES.large) {
    console.log(
      `NOTE: seeded stores of ${integer.format(config.small)} and ${integer.format(config.large)} chunks instead of ` +
        `${integer.format(DEFAULT_SIZES.small)} and ${integer.format(DEFAULT_SIZES.large)} (BENCH_RETRIEVAL_SMALL / BENCH_RETRIEVAL_LARGE).`,
    );
  }
  console.log('');
}

function printSeeding(seeded) {
  const describe = seeded.stores.map((store) => `${integer.format(store.chunks)} chunks in ${store.files} files`).join(' and ');
  console.log(
    `Seeded with SQL: ${describe} (${fixed(seeded.stores.reduce((sum, store) => sum + store.bytes, 0) / MB, 0)} MB of chunk text, ` +
      `${fixed(seeded.charsPerToken, 2)} characters per token): generate + INSERT ${fixed(seeded.insertMs / 1000, 1)} s, ` +
      `VACUUM ANALYZE ${fixed(seeded.settleMs / 1000, 1)} s. vector_store_chunks holds ${integer.format(seeded.tableChunks)} chunks in all (every store shares its GIN index).`,
  );
  if (seeded.embeddings) {
    console.log(
      `For hybrid search: ${integer.format(seeded.embeddings.vectors)} random ${seeded.embeddings.dimensions}-dimension embeddings ` +
        `inserted in ${fixed(seeded.embeddings.insertMs / 1000, 1)} s, their HNSW index (m 16, ef_construction 64: pgvector's defaults, as Poste creates it) ` +
        `built in ${fixed(seeded.embeddings.indexMs / 1000, 1)} s.`,
    );
  }
}

function latencyRow(label, results, extra = {}) {
  const ok = results.filter((result) => result.ok).map((result) => result.ms);
  return [
    label,
    results.length,
    fixed(percentile(ok, 50), 1),
    fixed(percentile(ok, 99), 1),
    fixed(ok.length ? Math.max(...ok) : NaN, 1),
    extra.rps ?? '',
    extra.matches ?? '',
    extra.cpu ?? '',
    results.length - ok.length,
  ];
}

function cpuCell(cpu) {
  return cpu ? `${fixed(cpu.posteMsPerRun, 1)} / ${cpu.postgresMsPerRun === null ? '–' : fixed(cpu.postgresMsPerRun, 1)}` : '';
}

function printLatency(suite, config, machine) {
  console.log(`Search latency, ${suite.label} (POST /vector_stores/{id}/search, max_num_results ${SEARCH_RESULTS}; ms; nearest-rank percentiles of successful searches)`);
  const rows = [['Store / phase', 'searches', 'p50', 'p99', 'max', 'req/s', 'matched chunks p50', 'CPU ms/search Poste / PG', 'failed']];
  for (const { store, sequential, concurrent, frequencies } of suite.latency) {
    const name = `${integer.format(store.chunks)} chunks`;
    rows.push(latencyRow(`${name}: sequential`, sequential.results, { cpu: cpuCell(sequential.cpu), matches: medianMatches(sequential.results, frequencies) }));
    for (const kind of ['common', 'content', 'rare']) {
      const ofKind = sequential.results.filter((result) => result.kind === kind);
      rows.push(latencyRow(`  ${kind}`, ofKind, { matches: medianMatches(ofKind, frequencies) }));
    }
    const rps = (concurrent.results.filter((result) => result.ok).length / concurrent.wall) * 1000;
    rows.push(latencyRow(`${name}: ${concurrent.connections} connections, ${config.duration} s`, concurrent.results, { rps: fixed(rps, 1), cpu: cpuCell(concurrent.cpu) }));
  }
  table(rows);
  console.log(
    `(kinds: common = question with function words ("how do we ... the ..."), content = 1–4 nouns/verbs/adjectives, rare = 1–2 names from the long tail; ` +
      `"matched chunks" = chunks holding the query's commonest word (ts_stat), at least what the OR-ed query must rank; ` +
      `up to ${config.warmup} warm-up searches per store discarded; ${machine})`,
  );
  for (const { store, sequential } of suite.latency) {
    if (sequential.results.length < sequential.planned) {
      console.log(
        `NOTE: the ${integer.format(store.chunks)}-chunk store's sequential phase stopped after ${config.sequentialSeconds} s ` +
          `(BENCH_RETRIEVAL_SEQUENTIAL_SECONDS), at ${sequential.results.length} of ${sequential.planned} queries.`,
      );
    }
  }
  for (const { store, sequential, concurrent } of suite.latency) {
    const failed = [...sequential.results, ...concurrent.results].find((result) => !result.ok);
    if (failed) {
      console.log(`WARNING: searches of the ${store.chunks}-chunk store failed; first: "${failed.text}": ${failed.failure}`);
    }
  }
}

function medianMatches(results, frequencies) {
  const counts = results.map((result) => frequencies.get(result.text)).filter((n) => n !== undefined);
  return counts.length ? integer.format(percentile(counts, 50)) : '';
}

function printRecall(suite) {
  const { recall } = suite;
  console.log(
    `Recall@${RECALL_AT}, ${suite.label}: ${recall.results.length} labelled questions over ${recall.documents} documents ` +
      `(bench/data; indexed in ${fixed(recall.indexMs / 1000, 1)} s)`,
  );
  const row = (label, results) => {
    const found = results.filter((result) => result.rank > 0).length;
    const mrr = results.reduce((sum, result) => sum + (result.rank > 0 ? 1 / result.rank : 0), 0) / results.length;
    return [label, results.length, found, fixed(found / results.length, 3), fixed(mrr, 3)];
  };
  table([
    ['Questions', 'n', 'found in top 5', `recall@${RECALL_AT}`, 'MRR'],
    row('all', recall.results),
    row('  exact wording', recall.results.filter((result) => result.style === 'exact')),
    row('  paraphrased', recall.results.filter((result) => result.style === 'paraphrase')),
  ]);
  const misses = recall.results.filter((result) => result.rank === 0);
  if (misses.length) {
    console.log(`Missed (${misses.length}):`);
    for (const miss of misses) {
      const got = miss.ok ? (miss.filenames.length ? miss.filenames.join(', ') : 'no results') : `failed: ${miss.failure}`;
      console.log(`  [${miss.style}] "${miss.query}" → wanted ${miss.relevant.join(' or ')}; got ${got}`);
    }
  }
}

/** What the hybrid figures rest on: the embeddings endpoint, and what the vector ranking gave fusion. */
function printHybridNotes(hybrid, config) {
  const dimensions = config.embeddingDimensions;
  if (hybrid.model) {
    console.log(
      `Hybrid embeddings: the benchmark's scripted model (bench/lib/scripted-model.js), ${dimensions} dimensions: a hashed bag of words ` +
        `(stop words dropped, crude stems), answered at once over local HTTP — so latency is Poste's own plus one local round trip per search. ` +
        `Its vectors are close only for texts that share words, and the seeded chunks' vectors are random: the hybrid recall above is ` +
        `INDICATIVE ONLY (the vector ranking cannot find a paraphrase the keyword ranking misses); measure recall with a real model ` +
        `(OPENAI_BASE_URL in BENCH_RETRIEVAL_HYBRID_ENV).`,
    );
    if (hybrid.embeddingCalls) {
      console.log(`Embeddings requests during the hybrid phases: ${integer.format(hybrid.embeddingCalls.requests)}, ${integer.format(hybrid.embeddingCalls.inputs)} texts.`);
    }
  } else {
    console.log(`Hybrid embeddings: ${config.hybridEnv.EMBEDDINGS_MODEL} at ${config.hybridEnv.OPENAI_BASE_URL} (${dimensions} dimensions assumed for the seeded vectors); its latency is in every search.`);
  }
  const { total, results } = hybrid.candidates;
  console.log(
    `Vector ranking: candidates returned by Poste's nearest-chunks query (LIMIT ${VECTOR_CANDIDATES}), for ${VECTOR_PROBES} stored vectors of each store as queries; ` +
      `the table holds ${integer.format(total)} vectors of ${dimensions} dimensions in one HNSW index`,
  );
  const cell = (run) => `${integer.format(percentile(run.counts, 50))} / ${integer.format(Math.min(...run.counts))}`;
  table([
    ['Store', 'its vectors', 'HNSW used', `defaults: rows p50 / min (of ${VECTOR_CANDIDATES})`, 'ms p50', 'iterative_scan strict_order: rows p50 / min', 'ms p50'],
    ...results.map((result) => [
      result.name,
      integer.format(result.vectors),
      result.plain.usesHnsw ? 'yes' : 'no',
      cell(result.plain),
      fixed(percentile(result.plain.ms, 50), 1),
      cell(result.iterative),
      fixed(percentile(result.iterative.ms, 50), 1),
    ]),
  ]);
  const short = results.filter((result) => percentile(result.plain.counts, 50) < Math.min(VECTOR_CANDIDATES, result.vectors));
  if (short.length) {
    console.log(
      `WARNING: with pgvector's default settings the vector query returns fewer candidates than asked in ${short.map((result) => `the ${result.name}`).join(', ')}: ` +
        'the HNSW scan stops after hnsw.ef_search (40) neighbours of the whole table and filters by store afterwards. ' +
        'A Poste whose nearest() does not set hnsw.iterative_scan (pgvector ≥ 0.8) hands fusion that few; with it, see the last columns.',
    );
  }
}

/** Wall time of each phase of the retrieval part. */
function printPhases(phases, started) {
  console.log(
    `Phase times: ${phases.phases.map((phase) => `${phase.name} ${fixed(phase.ms / 1000, 1)} s`).join('; ')}; ` +
      `the whole part ${fixed((Date.now() - started) / 1000, 1)} s (Poste starts included).`,
  );
  console.log('');
}

/** PASS/MISS for the two targets; answers whether the keyword target missed (to explain it). */
function printRetrievalTargets(ingest, keyword, seeded, database) {
  const engineCaveat = database.engine === 'pglite' ? '  (PGlite: not a production figure)' : '';
  const rate = mbps(ingest.bytes, ingest.totalMs);
  const ingestCaveat = ingest.counts.completed !== ingest.files ? `  (unreliable: ${ingest.files - ingest.counts.completed} files not completed)` : '';
  console.log(`Ingest throughput, first upload → all completed: ${fixed(rate, 2)} MB/s (target ≥ ${TARGETS.ingestMBps} MB/s)  ${verdict(rate >= TARGETS.ingestMBps)}${ingestCaveat}${engineCaveat}`);

  const large = keyword.latency.at(-1);
  const ok = large.sequential.results.filter((result) => result.ok).map((result) => result.ms);
  const p99 = percentile(ok, 99);
  const failed = large.sequential.results.length - ok.length;
  const caveat = failed > 0 ? `  (unreliable: ${failed} searches failed)` : '';
  console.log(
    `Keyword search p99 at ${integer.format(seeded.stores.at(-1).chunks)} chunks (sequential): ${fixed(p99, 1)} ms ` +
      `(target ≤ ${TARGETS.keywordP99} ms)  ${verdict(p99 <= TARGETS.keywordP99)}${caveat}${engineCaveat}`,
  );
  return !(p99 <= TARGETS.keywordP99);
}

module.exports = { benchRetrieval, measureSearchSuite };
