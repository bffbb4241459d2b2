'use strict';

/**
 * A minimal keep-alive JSON client on node:http for timing requests: less client-side overhead
 * than fetch, and each answer stamped on the monotonic clock. (bench/runs.js has its own, with
 * streaming; this one is for plain JSON requests.)
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

  /** Answers `{ status, text, ms }`, `ms` being the round trip; a socket error rejects. */
  send(method, urlPath, body) {
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
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode, text, ms: monotonicMs() - startedAt }));
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
