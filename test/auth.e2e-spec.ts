import OpenAI from 'openai';
import { startTestApp, TestApp } from './support/test-app';
import { basicAuth } from './support/users';

describe('Basic auth (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const expectChallenge = (response: { status: number; headers: Record<string, string>; body: unknown }) => {
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Basic realm="poste", charset="UTF-8"');
    expect(response.body).toEqual({
      error: {
        message: expect.stringContaining('credentials'),
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    });
  };

  it('should accept a plain secret, a bcrypt hash and an argon2 hash (users alice, bob, carol)', async () => {
    for (const user of ['alice', 'bob', 'carol'] as const) {
      await expect(app.sdk(user).beta.assistants.list()).resolves.toMatchObject({ data: [] });
    }
  });

  it('should answer a missing Authorization header with 401 and a Basic challenge', async () => {
    expectChallenge(await app.http().get('/api/ai/assistants'));
  });

  it('should answer a wrong password, an unknown user or a Bearer token with 401', async () => {
    expectChallenge(await app.http().get('/api/ai/assistants').set('Authorization', basicAuth('bob', 'wrong')));
    expectChallenge(
      await app
        .http()
        .get('/api/ai/assistants')
        .set('Authorization', `Basic ${Buffer.from('mallory:x').toString('base64')}`),
    );
    expectChallenge(await app.http().get('/api/ai/assistants').set('Authorization', 'Bearer sk-abc'));
  });

  it('should let the SDK see a 401 as an AuthenticationError', async () => {
    const intruder = new OpenAI({ baseURL: app.baseURL, apiKey: 'sk-nope', maxRetries: 0 });
    await expect(intruder.beta.assistants.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('should keep health and docs public', async () => {
    await expect(app.http().get('/api/health')).resolves.toMatchObject({ status: 200, body: { status: 'ok' } });
    await expect(app.http().get('/api/health/ready')).resolves.toMatchObject({
      status: 200,
      body: {
        status: 'ok',
        info: { database: { status: 'up' }, migrations: { status: 'up' }, queue: { status: 'up' } },
      },
    });
    await expect(app.http().get('/api/docs-json')).resolves.toMatchObject({ status: 200 });
  });

  it('should throttle repeated failures from one client, even for right credentials, with Retry-After', async () => {
    // Its own instance: the failure counter is per client, and this file's other tests fail on purpose.
    const guarded = await startTestApp({ RATE_LIMIT_AUTH_FAILURES: '5' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      statuses.push(
        (
          await guarded
            .http()
            .get('/api/ai/assistants')
            .set('Authorization', basicAuth('alice', `guess${attempt}`))
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);

    const blocked = await guarded.http().get('/api/ai/assistants').set('Authorization', basicAuth('alice'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
    await guarded.close();
  });
});
