import { hash as hashArgon2 } from '@node-rs/argon2';
import { hashSync } from 'bcryptjs';

/** Three tenants: one with a plain secret, one bcrypt-hashed, one argon2-hashed. */
export const USERS = {
  alice: { name: 'alice', password: 'alice-secret' },
  bob: { name: 'bob', password: 'bob-secret' },
  carol: { name: 'carol', password: 'carol-secret' },
} as const;

export type UserName = keyof typeof USERS;

export async function authUsersSetting(): Promise<string> {
  const bobHash = hashSync(USERS.bob.password, 4);
  const carolHash = await hashArgon2(USERS.carol.password);
  return `alice:${USERS.alice.password},bob:${bobHash},carol:${carolHash}`;
}

export function basicAuth(user: UserName, password: string = USERS[user].password): string {
  return `Basic ${Buffer.from(`${USERS[user].name}:${password}`).toString('base64')}`;
}
