import { randomBytes } from 'node:crypto';

/** The id prefixes of SPEC §2, in OpenAI's own spelling (files use a dash). */
export const ID_PREFIX = {
  assistant: 'asst_',
  thread: 'thread_',
  message: 'msg_',
  run: 'run_',
  step: 'step_',
  file: 'file-',
  vectorStore: 'vs_',
  fileBatch: 'vsfb_',
  email: 'email_',
  draft: 'draft_',
} as const;

export type IdKind = keyof typeof ID_PREFIX;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_LENGTH = 24;

/** A prefixed random id: 24 base-62 characters (~143 bits), unbiased by rejection sampling. */
export function newId(kind: IdKind): string {
  let out = '';
  while (out.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(32)) {
      // 248 = 4 * 62: dropping larger bytes keeps every character equally likely.
      if (byte < 248 && out.length < RANDOM_LENGTH) {
        out += ALPHABET[byte % 62];
      }
    }
  }
  return ID_PREFIX[kind] + out;
}

/** Unix seconds, the unit of every timestamp on the wire. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
