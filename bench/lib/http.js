'use strict';

/**
 * A minimal keep-alive JSON/SSE client on node:http for timing requests: less client-side
 * overhead than fetch, the same code path for Poste and the model (so their difference is the
 * servers'), and each answer stamped on the monotonic clock.
 */

const http = require('node:http');
const { monotonicMs } = require('./util');

class HttpClient {
  constructor(baseUrl, headers = {}) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.headers = headers;
    // Idle sockets are dropped after 2 s, before Node's server closes them (keepAliveTimeout 5 s):
    // reusing a socket the server is closing fails the request with "socket hang up".
    this.agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 2_000 });
  }

  /**
   * Answers `{ status, text, startedAt, endedAt, ms }` (monotonic ms; `ms` is the round trip);
   * `onData(chunk, at)` sees the body as it arrives. A socket error rejects.
   */
  send(method, urlPath, body, onData) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const startedAt = monotonicMs();
      const request = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path: urlPath,
          agent: this.agent,
          headers: {
            ...this.headers,
            ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          response.setEncoding('utf8');
          let text = '';
          response.on('data', (chunk) => {
            const at = monotonicMs();
            text += chunk;
            onData?.(chunk, at);
          });
          response.on('end', () => {
            const endedAt = monotonicMs();
            resolve({ status: response.statusCode, text, startedAt, endedAt, ms: endedAt - startedAt });
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }

  /** A JSON call whose failure is a harness failure. */
  async json(method, urlPath, body) {
    const response = await this.send(method, urlPath, body);
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${method} ${urlPath} answered ${response.status}: ${response.text.slice(0, 300)}`);
    }
    return JSON.parse(response.text);
  }

  close() {
    this.agent.destroy();
  }
}

module.exports = { HttpClient };
