'use strict';

/** Small helpers shared by the CRUD and the runs benchmark. */

/** Progress goes to stderr so stdout carries only the results. */
function log(message) {
  console.error(`[bench] ${message}`);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function positiveInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer (got "${raw}")`);
  }
  return value;
}

/** Nearest-rank percentile (p in 0..100) of a list of numbers; NaN when empty. */
function percentile(values, p) {
  if (values.length === 0) {
    return NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

/** Milliseconds on the machine-wide monotonic clock (CLOCK_MONOTONIC), comparable across processes. */
function monotonicMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

module.exports = { log, seconds, positiveInt, percentile, monotonicMs };
