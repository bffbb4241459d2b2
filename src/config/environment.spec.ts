import { validateEnvironment } from './environment';

describe(validateEnvironment.name, () => {
  it('should apply the defaults of SPEC §3 when nothing is set', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      DATA_DIR: './.data',
      RATE_LIMIT_READ: 600,
      RATE_LIMIT_POLL: 1200,
      RATE_LIMIT_WRITE: 120,
      RATE_LIMIT_RUN: 60,
      RATE_LIMIT_UPLOAD: 20,
      FILE_MAX_BYTES: 512 * 1024 * 1024,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_USERS).toBeUndefined();
  });

  it('should read numbers from strings and treat empty values as unset', () => {
    expect(validateEnvironment({ PORT: '8080', RATE_LIMIT_RUN: '0', DATABASE_URL: '' })).toMatchObject({
      PORT: 8080,
      RATE_LIMIT_RUN: 0,
      DATABASE_URL: undefined,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT .*"eighty"/],
    [{ RATE_LIMIT_READ: '-1' }, /^Invalid configuration: RATE_LIMIT_READ/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL must be a postgres/],
    [{ REDIS_URL: 'localhost:6379' }, /^Invalid configuration: REDIS_URL/],
    [{ AUTH_USERS: 'alice' }, /^Invalid configuration: AUTH_USERS must be comma-separated user:secret pairs$/],
    [{ AUTH_USERS: 'a:1,a:2' }, /^Invalid configuration: AUTH_USERS names a user twice$/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL/],
  ])('should reject %j with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(message);
  });

  it('should never echo a secret in the error', () => {
    expect(() => validateEnvironment({ AUTH_USERS: 'only-a-password' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('only-a-password') }),
    );
  });
});
