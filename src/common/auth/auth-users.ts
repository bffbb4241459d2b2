import { createHash, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'plain' | 'bcrypt' | 'argon2';

export interface ConfiguredUser {
  name: string;
  secret: string;
  kind: SecretKind;
}

/**
 * A comma starts a new pair only when a `name:` follows: argon2 hashes contain commas
 * (`$argon2id$v=19$m=19456,t=2,p=1$…`) and must survive intact.
 */
const PAIR_SEPARATOR = /,(?=[^:,$\s]+:)/;

/** Parses `AUTH_USERS` (`user:secret,user2:$2b$…`); the first colon splits name from secret. */
export function parseAuthUsers(raw: string): Map<string, ConfiguredUser> {
  const users = new Map<string, ConfiguredUser>();
  for (const pair of raw.split(PAIR_SEPARATOR)) {
    const separator = pair.indexOf(':');
    const name = pair.slice(0, separator).trim();
    const secret = pair.slice(separator + 1).trim();
    users.set(name, { name, secret, kind: secretKind(secret) });
  }
  return users;
}

/** Why `raw` is not a valid `AUTH_USERS` value, or null. */
export function authUsersViolation(raw: string): string | null {
  const pairs = raw.split(PAIR_SEPARATOR);
  const bad = pairs.find((pair) => !/^[^:,$\s]+:\S/.test(pair.trim()));
  if (bad !== undefined) {
    return 'must be comma-separated user:secret pairs';
  }
  return new Set(pairs.map((pair) => pair.split(':')[0].trim())).size === pairs.length ? null : 'names a user twice';
}

export function secretKind(secret: string): SecretKind {
  if (/^\$2[aby]\$\d{2}\$/.test(secret)) {
    return 'bcrypt';
  }
  if (secret.startsWith('$argon2')) {
    return 'argon2';
  }
  return 'plain';
}

/** Compares in constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function constantTimeEquals(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a).digest();
  const digestB = createHash('sha256').update(b).digest();
  return timingSafeEqual(digestA, digestB);
}
