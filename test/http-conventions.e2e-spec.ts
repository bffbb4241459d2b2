import { startRedis } from './support/redis-server';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('HTTP conventions (e2e)', () => {
  describe('errors', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ JSON_BODY_MAX_BYTES: String(16 * 1024) });
    });
    afterAll(() => app.close());

    it('should answer malformed JSON with a 400 envelope, never a 500', async () => {
      const response = await app
        .http()
        .post('/api/ai/assistants')
        .set('Authorization', basicAuth('alice'))
        .set('Content-Type', 'application/json')
        .send('{"model": "gpt-4o",');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: {
          message: expect.stringContaining('could not parse the JSON body'),
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      });
      await expect(app.sql('SELECT id FROM assistants')).resolves.toEqual([]);
    });

    it('should answer a JSON body over JSON_BODY_MAX_BYTES with 413', async () => {
      const response = await app
        .http()
        .post('/api/ai/assistants')
        .set('Authorization', basicAuth('alice'))
        .send({ model: 'm', instructions: 'x'.repeat(20 * 1024) });
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({ type: 'invalid_request_error', code: 'payload_too_large' });
    });

    it('should answer an unknown route with a 404 envelope naming it', async () => {
      const response = await app.http().get('/api/ai/runs/unknown').set('Authorization', basicAuth('alice'));
      expect(response.status).toBe(404);
      expect(response.body.error).toMatchObject({
        message: 'Unknown request URL: GET /api/ai/runs/unknown.',
        type: 'invalid_request_error',
      });
    });

    it('should answer a non-object JSON body with a 400, not a 500', async () => {
      const response = await app
        .http()
        .post('/api/ai/threads')
        .set('Authorization', basicAuth('alice'))
        .set('Content-Type', 'application/json')
        .send('"just a string"');
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.error.type).toBe('invalid_request_error');
    });

    it('should not expose the framework', async () => {
      const response = await app.http().get('/api/ai/assistants').set('Authorization', basicAuth('alice'));
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('rate limits in memory', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ RATE_LIMIT_READ: '3', RATE_LIMIT_WRITE: '0' });
    });
    afterAll(() => app.close());

    it('should report the limit in x-ratelimit headers and answer 429 with Retry-After past it', async () => {
      const responses = [];
      for (let i = 0; i < 4; i++) {
        responses.push(await app.http().get('/api/ai/assistants').set('Authorization', basicAuth('alice')));
      }
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 429]);
      expect(responses.map((response) => response.headers['x-ratelimit-limit-requests'])).toEqual(['3', '3', '3', '3']);
      expect(responses.map((response) => response.headers['x-ratelimit-remaining-requests'])).toEqual([
        '2',
        '1',
        '0',
        '0',
      ]);
      expect(responses[0].headers['x-ratelimit-reset-requests']).toMatch(/^\d+s$/);
      const limited = responses[3];
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.body).toEqual({
        error: {
          message: expect.stringContaining('Rate limit reached'),
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      });
    });

    it('should count per user and per route', async () => {
      await expect(app.http().get('/api/ai/assistants').set('Authorization', basicAuth('bob'))).resolves.toMatchObject({
        status: 200,
      });
      await expect(app.http().get('/api/ai/threads').set('Authorization', basicAuth('alice'))).resolves.toMatchObject({
        status: 200,
      });
    });

    it('should turn a class off with a limit of 0', async () => {
      for (let i = 0; i < 5; i++) {
        const response = await app.http().post('/api/ai/threads').set('Authorization', basicAuth('alice')).send({});
        expect(response.status).toBe(200);
        expect(response.headers['x-ratelimit-limit-requests']).toBeUndefined();
      }
    });
  });

  describe('rate limits in Redis', () => {
    let redis: Awaited<ReturnType<typeof startRedis>>;
    let first: TestApp;
    let second: TestApp;

    beforeAll(async () => {
      redis = await startRedis();
      first = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_READ: '4' });
      second = await startTestApp({ REDIS_URL: redis.url, RATE_LIMIT_READ: '4' });
    });
    afterAll(async () => {
      await first.close();
      await second.close();
      await redis.stop();
    });

    it('should hold one limit across two instances sharing Redis', async () => {
      const statuses = [];
      for (const app of [first, second, first, second, first]) {
        statuses.push((await app.http().get('/api/ai/vector_stores').set('Authorization', basicAuth('alice'))).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const limited = await second.http().get('/api/ai/vector_stores').set('Authorization', basicAuth('alice'));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-ratelimit-remaining-requests']).toBe('0');
    });
  });
});
