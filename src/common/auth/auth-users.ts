import { createHash, timingSafeEqual } from 'node:crypto';

export type SecretKind = 'plain' | 'bcrypt' | 'argon2';

export interface ConfiguredUser {
  name: string;
  secret: string;
  kind: SecretKind;
}

/** Parses `AUTH_USERS` (`user:secret,user2:$2b$…`): the first colon splits name from secret. */
export function parseAuthUsers(raw: string): Map<string, ConfiguredUser> {
  const users = new Map<string, ConfiguredUser>();
  for (const pair of raw.split(',')) {
    const separator = pair.indexOf(':');
    const name = pair.slice(0, separator).trim();
    const secret = pair.slice(separator + 1).trim();
    users.set(name, { name, secret, kind: secretKind(secret) });
  }
  return users;
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
