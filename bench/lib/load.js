'use strict';

/** One autocannon measurement: a discarded warm-up (JIT, pool, caches), then the measured run. */

const autocannon = require('autocannon');

/**
 * `scenario` is `{ name, url, method?, headers?, body? }`. Answers the figures the report needs.
 * Latency percentiles cover 2xx responses only (autocannon's rule), so non-2xx and errors are
 * returned alongside and must be shown next to them.
 */
async function measure(scenario, { connections, duration, warmup }) {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    body: scenario.body,
    connections,
    duration,
    warmup: { connections, duration: warmup },
  });
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    // Socket errors and timeouts never reach a status code; they are failures all the same.
    errors: result.errors + result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
  };
}

module.exports = { measure };
