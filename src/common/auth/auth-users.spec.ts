import { authUsersViolation, constantTimeEquals, parseAuthUsers } from './auth-users';

describe(parseAuthUsers.name, () => {
  it('should split pairs and recognise plain, bcrypt and argon2 secrets', () => {
    const argon = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
    const users = parseAuthUsers(`alice:pw:with:colons,bob:$2b$10$abcdefghijklmnopqrstuu,carol:${argon}`);
    expect([...users.keys()]).toEqual(['alice', 'bob', 'carol']);
    expect(users.get('alice')).toEqual({ name: 'alice', secret: 'pw:with:colons', kind: 'plain' });
    expect(users.get('bob')?.kind).toBe('bcrypt');
    expect(users.get('carol')).toEqual({ name: 'carol', secret: argon, kind: 'argon2' });
  });
});

describe(authUsersViolation.name, () => {
  it.each([['alice:x'], ['alice:x,bob:y'], ['carol:$argon2id$v=19$m=19456,t=2,p=1$s$h']])('should accept %s', (raw) => {
    expect(authUsersViolation(raw)).toBeNull();
  });

  it.each([['alice'], ['alice:'], [':secret'], [',alice:x'], ['alice:x,alice:y']])('should reject %s', (raw) => {
    expect(authUsersViolation(raw)).not.toBeNull();
  });
});

describe(constantTimeEquals.name, () => {
  it('should compare strings of any length', () => {
    expect(constantTimeEquals('secret', 'secret')).toBe(true);
    expect(constantTimeEquals('secret', 'secreT')).toBe(false);
    expect(constantTimeEquals('secret', 'a much longer guess')).toBe(false);
  });
});
