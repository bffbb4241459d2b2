'use strict';

/**
 * Child-process plumbing for the benchmark: free ports, spawning Node servers, waiting for them
 * to answer, and stopping them again.
 */

const net = require('node:net');
const { spawn } = require('node:child_process');

/** Asks the OS for a port nobody listens on (a tiny race until the server binds it is acceptable here). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Keeps the last lines a child printed (shown when it fails to start) and every pino line at
 * warn level or above (reported after the run: a server that logs errors under load matters).
 */
class OutputWatch {
  constructor(tailSize = 40, keepProblems = 500) {
    this.tail = [];
    this.problems = [];
    this.problemCount = 0;
    this.tailSize = tailSize;
    this.keepProblems = keepProblems;
    this.partial = '';
  }

  feed(chunk) {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop();
    for (const line of lines) {
      this.line(line);
    }
  }

  line(text) {
    if (!text.trim()) {
      return;
    }
    this.tail.push(text);
    if (this.tail.length > this.tailSize) {
      this.tail.shift();
    }
    if (isProblem(text)) {
      this.problemCount += 1;
      if (this.problems.length < this.keepProblems) {
        this.problems.push(text);
      }
    }
  }
}

/** A pino JSON line with level ≥ 40 (warn), or any non-JSON line (stack traces, crashes). */
function isProblem(text) {
  try {
    const record = JSON.parse(text);
    return typeof record.level === 'number' ? record.level >= 40 : false;
  } catch {
    // Node's ExperimentalWarning about require(esm) is noise, not a server problem.
    return !/ExperimentalWarning|--trace-warnings/.test(text);
  }
}

/** Spawns `node <script>` with extra environment; output is watched, not inherited, so the table stays readable. */
function startNode(script, env, { cwd } = {}) {
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputWatch();
  child.stdout.on('data', (chunk) => output.feed(chunk));
  child.stderr.on('data', (chunk) => output.feed(chunk));
  return { child, output };
}

/** Polls `url` until it answers 200; fails early if the child exits first. */
async function waitUntilReady(url, { child, output, name }, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (code ${child.exitCode}, signal ${child.signalCode}) before it was ready:\n${output.tail.join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${name} was not ready at ${url} within ${timeoutMs / 1000} s:\n${output.tail.join('\n')}`);
}

/** SIGTERM (lets Nest close its pool), then SIGKILL if it lingers. */
async function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { freePort, startNode, waitUntilReady, stopChild, OutputWatch };
