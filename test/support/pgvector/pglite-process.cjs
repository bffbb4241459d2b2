// @ts-check
// Runs PGlite (PostgreSQL 18 compiled to WASM) with the pgvector extension behind the PostgreSQL
// wire protocol, in a plain Node process started by ./pglite-server.ts. A plain process because
// PGlite loads Node built-ins with dynamic import(), which Jest's VM refuses without
// --experimental-vm-modules, and because the engine runs synchronously on its event loop: here it
// does not stall the app under test.
//
// Prints `READY <url>` on stdout once it accepts connections. Stops on SIGTERM, SIGINT, or when
// its stdin closes (the parent died), so no engine outlives its test run.
//
// PGlite has ONE backend: one session, one transaction at a time, and every client connection is
// multiplexed onto it, as PgBouncer does in transaction mode. The socket package's own
// PGLiteSocketServer multiplexes per protocol *message* and only keeps a client's turn inside an
// explicit BEGIN, so with several connections (TypeORM's pool, pg-boss's pool) one client's
// Parse/Bind/Execute gets interleaved with another's: `portal "" does not exist`, `bind message
// supplies 19 parameters, but prepared statement "" requires 2`, rows answered to the wrong query.
// So this reuses the package's per-connection protocol handler (framing, SSLRequest, cancel
// requests) but gives it another queue: a client keeps the backend from its first message until
// the backend answers ReadyForQuery with status 'I' (idle, no transaction open), i.e. across a
// whole Parse…Sync cycle and a whole BEGIN…COMMIT.
const { PGlite } = require('@electric-sql/pglite');
const { vector } = require('@electric-sql/pglite-pgvector');
const { PGLiteSocketHandler } = require('@electric-sql/pglite-socket');
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { dirname, join } = require('node:path');

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const TERMINATE = 0x58; // 'X': the client closes; the engine answers nothing
const STALL_WARNING_MS = Number(process.env.PGLITE_STALL_WARNING_MS ?? 5000);

/** A simple-protocol Query message. @param {string} sql */
function query(sql) {
  const text = Buffer.from(`${sql}\0`);
  const message = Buffer.alloc(5 + text.length);
  message.write('Q', 0);
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return new Uint8Array(message);
}

/**
 * Follows the backend's output message by message (type byte, int32 length, payload), across
 * chunk boundaries, and remembers the status of the last ReadyForQuery ('Z'): 'I' idle,
 * 'T' in a transaction, 'E' in a failed transaction.
 */
class ReadyForQueryTracker {
  /** @type {string | null} */
  last = null;
  header = Buffer.alloc(0);
  skip = 0;
  readyForQuery = false;

  /** @param {Uint8Array} chunk */
  feed(chunk) {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.skip > 0) {
        if (this.readyForQuery && this.skip === 1) {
          this.last = String.fromCharCode(chunk[offset]);
        }
        const take = Math.min(this.skip, chunk.length - offset);
        this.skip -= take;
        offset += take;
        continue;
      }
      const take = Math.min(5 - this.header.length, chunk.length - offset);
      this.header = Buffer.concat([this.header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (this.header.length === 5) {
        this.readyForQuery = this.header[0] === 0x5a;
        this.skip = this.header.readInt32BE(1) - 4;
        this.header = Buffer.alloc(0);
      }
    }
  }
}

/**
 * @typedef {{ handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void,
 *   resolve: (bytes: number) => void, reject: (error: Error) => void }} Job
 */

/**
 * Runs the clients' protocol messages on the one backend, one at a time. The connection whose
 * message ran last owns the backend until the engine's output ends with ReadyForQuery 'I'; while
 * it does, only its messages run, and every other connection's wait in arrival order. Implements
 * what PGLiteSocketHandler calls on its queue: enqueue, clearQueueForHandler,
 * clearTransactionIfNeeded.
 */
class BackendQueue {
  /** @type {Job[]} */
  jobs = [];
  /** @type {number | null} */
  owner = null;
  /** @type {Promise<void> | null} */
  running = null;
  /** @type {NodeJS.Timeout | undefined} */
  stallTimer = undefined;
  /** Messages run so far: tells a stall apart from an owner that moved on and came back. */
  turns = 0;
  /** The `turns` of the last stall warned about: one warning per stall. */
  warned = -1;

  /** @param {import('@electric-sql/pglite').PGlite} db */
  constructor(db) {
    this.db = db;
  }

  /**
   * @param {number} handlerId
   * @param {Uint8Array} message
   * @param {(data: Uint8Array) => void} onData
   * @returns {Promise<number>}
   */
  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.jobs.push({ handlerId, message, onData, resolve, reject });
      this.drain();
    });
  }

  /** The connection closed: drop what it still had queued. @param {number} handlerId */
  clearQueueForHandler(handlerId) {
    for (let i = this.jobs.length - 1; i >= 0; i--) {
      if (this.jobs[i].handlerId === handlerId) {
        this.jobs.splice(i, 1)[0].reject(new Error('connection closed'));
      }
    }
  }

  /**
   * The connection closed while it owned the backend (mid extended-protocol cycle or inside a
   * transaction): end the cycle with a Sync and roll back, as a real server does when a backend
   * exits. Goes through the queue, so it never overlaps a message of that connection.
   * @param {number} handlerId
   */
  async clearTransactionIfNeeded(handlerId) {
    if (this.owner !== handlerId) {
      return;
    }
    await this.enqueue(handlerId, SYNC, () => {});
    if (this.owner === handlerId && this.db.isInTransaction()) {
      await this.enqueue(handlerId, query('ROLLBACK'), () => {});
    }
    if (this.owner === handlerId) {
      this.owner = null;
      this.drain();
    }
  }

  /** Resolves once no message is running. */
  async idle() {
    while (this.running) {
      await this.running;
    }
    clearTimeout(this.stallTimer);
  }

  drain() {
    clearTimeout(this.stallTimer);
    this.running ??= this.run().finally(() => {
      this.running = null;
      // A job enqueued while the loop was finishing found it still running: start again.
      if (this.runnable() >= 0) {
        this.drain();
      } else {
        this.watchForStall();
      }
    });
  }

  /** Index of the next job that may run: the owner's, or anyone's when nobody owns the backend. */
  runnable() {
    if (this.owner === null) {
      return this.jobs.length ? 0 : -1;
    }
    return this.jobs.findIndex((job) => job.handlerId === this.owner);
  }

  async run() {
    await Promise.resolve();
    for (let index = this.runnable(); index >= 0; index = this.runnable()) {
      const job = this.jobs.splice(index, 1)[0];
      this.owner = job.handlerId;
      this.turns++;
      const status = new ReadyForQueryTracker();
      let bytes = 0;
      try {
        await this.db.runExclusive(() =>
          this.db.execProtocolRawStream(job.message, {
            onRawData: (data) => {
              status.feed(data);
              bytes += data.length;
              job.onData(data);
            },
          }),
        );
      } catch (error) {
        // The engine itself failed (an SQL error arrives as an ErrorResponse instead).
        this.owner = null;
        job.reject(/** @type {Error} */ (error));
        continue;
      }
      if (status.last === 'I' || job.message[0] === TERMINATE) {
        this.owner = null;
      }
      job.resolve(bytes);
    }
  }

  /** The owner has nothing queued while others wait: most likely a transaction waiting on another connection. */
  watchForStall() {
    clearTimeout(this.stallTimer);
    if (!STALL_WARNING_MS || this.owner === null || this.jobs.length === 0) {
      return;
    }
    const [owner, turns] = [this.owner, this.turns];
    this.stallTimer = setTimeout(() => {
      if (this.owner === owner && this.turns === turns && this.warned !== turns && this.jobs.length > 0) {
        this.warned = turns;
        console.error(
          `PGlite: connection #${owner} has held the only backend for ${STALL_WARNING_MS} ms` +
            `${this.db.isInTransaction() ? ' inside a transaction' : ''} while ${this.jobs.length} message(s)` +
            ' of other connections wait. A transaction that awaits a query on another connection never ends here.',
        );
      }
    }, STALL_WARNING_MS);
    this.stallTimer.unref();
  }
}

/**
 * initdb takes ~2-4 s; a copy of a freshly initialised data directory (pgvector created, nothing
 * else) loads in ~0.5 s. The copy (~40 MB) is kept in the temp directory, one per PGlite and
 * pgvector version; PGLITE_SNAPSHOT=off does without it.
 */
function snapshotPath() {
  if (process.env.PGLITE_SNAPSHOT === 'off') {
    return undefined;
  }
  /** @param {string} name */
  const version = (name) =>
    JSON.parse(readFileSync(join(dirname(require.resolve(name)), '..', 'package.json'), 'utf8')).version;
  const versions = `${version('@electric-sql/pglite')}-${version('@electric-sql/pglite-pgvector')}`;
  return join(tmpdir(), `pglite-pgvector-${versions}-${userInfo().uid}.tar`);
}

async function createEngine() {
  const snapshot = snapshotPath();
  if (snapshot && existsSync(snapshot)) {
    try {
      const loadDataDir = new Blob([readFileSync(snapshot)]);
      return await PGlite.create({ dataDir: 'memory://', loadDataDir, extensions: { vector } });
    } catch (error) {
      console.error(`PGlite: ignoring snapshot ${snapshot}: ${error}`);
    }
  }
  const db = await PGlite.create({ dataDir: 'memory://', extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  if (snapshot) {
    const partial = `${snapshot}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
    renameSync(partial, snapshot);
  }
  return db;
}

async function main() {
  const db = await createEngine();
  const queue = new BackendQueue(db);
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({
      queryQueue: /** @type {any} */ (queue),
      closeOnDetach: true,
    });
    handler.attach(socket).catch(() => socket.destroy());
  });
  // Port 0: the kernel picks a free port when binding, so nothing can take it in between.
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());

  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
    for (const socket of sockets) {
      socket.destroy();
    }
    await closed;
    await queue.idle();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();

  console.log(`READY postgres://postgres:postgres@127.0.0.1:${address.port}/postgres`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
