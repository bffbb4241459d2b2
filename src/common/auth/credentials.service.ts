import { verify as verifyArgon2 } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import { compare as compareBcrypt, hashSync } from 'bcryptjs';
import { LRUCache } from 'lru-cache';
import { createHmac, randomBytes } from 'node:crypto';
import { ConfiguredUser, constantTimeEquals } from './auth-users';
import { UsersSource } from './users.source';

/**
 * Checks Basic credentials against the configured users. Hash verification is slow by design,
 * so a success is remembered for a minute, keyed by an HMAC of the presented credentials under
 * a per-process key (the cache never holds a password or a reversible digest of one).
 */
@Injectable()
export class CredentialsService {
  private readonly cacheKey = randomBytes(32);
  private readonly verified = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });
  /** Compared against when the user is unknown, so response time does not reveal user names. */
  private readonly dummyHash = hashSync(randomBytes(16).toString('hex'), 10);

  constructor(private readonly users: UsersSource) {}

  async verify(name: string, password: string): Promise<string | null> {
    const fingerprint = createHmac('sha256', this.cacheKey).update(`${name}\u0000${password}`).digest('base64');
    const cached = this.verified.get(fingerprint);
    if (cached !== undefined) {
      return cached;
    }
    const user = this.users.find(name);
    const ok = user ? await this.matches(user, password) : await compareBcrypt(password, this.dummyHash);
    if (!ok || !user) {
      return null;
    }
    this.verified.set(fingerprint, user.name);
    return user.name;
  }

  private async matches(user: ConfiguredUser, password: string): Promise<boolean> {
    switch (user.kind) {
      case 'plain':
        return constantTimeEquals(password, user.secret);
      case 'bcrypt':
        return compareBcrypt(password, user.secret);
      case 'argon2':
        return verifyArgon2(user.secret, password).catch(() => false);
    }
  }
}
