import { encode } from 'gpt-tokenizer';
// The vocabulary behind gpt-tokenizer's default encoding (o200k_base): each token's text or bytes.
import o200kBase from 'gpt-tokenizer/bpeRanks/o200k_base';

/** OpenAI's static chunking strategy, in tokens. */
export interface ChunkingOptions {
  maxChunkSizeTokens: number;
  chunkOverlapTokens: number;
}

/** What `chunking_strategy: {type: 'auto'}` means: OpenAI's documented 800 / 400. */
export const AUTO_CHUNKING: ChunkingOptions = { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 };

export interface Chunk {
  index: number;
  content: string;
  tokens: number;
}

/** Document text is data: a literal `<|endoftext|>` is encoded as text, not rejected. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Splits text into token windows of at most `maxChunkSizeTokens`, each overlapping the previous by
 * exactly `chunkOverlapTokens` (OpenAI's static strategy). Deterministic. A text of at most one
 * window is one chunk; a text without tokens has none.
 *
 * The text is encoded once and windows are slices of the token array, so the work is linear. A
 * window's content is cut from the text's UTF-8 bytes at its tokens' byte offsets rather than
 * decoded from its tokens: a token boundary can fall inside a multi-byte character, and such a
 * character is given whole to the window holding its first byte, so no chunk starts or ends with
 * a broken character.
 */
export function chunkText(text: string, options: ChunkingOptions): Chunk[] {
  const { maxChunkSizeTokens: size, chunkOverlapTokens: overlap } = options;
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(overlap) || overlap < 0 || overlap >= size) {
    throw new RangeError(`invalid chunking options: ${size} tokens per chunk, ${overlap} overlapping`);
  }
  const tokens = encode(text, AS_TEXT);
  if (tokens.length === 0) {
    return [];
  }
  if (tokens.length <= size) {
    return [{ index: 0, content: text, tokens: tokens.length }];
  }
  const utf8 = Buffer.from(text, 'utf8');
  const offsets = byteOffsets(tokens, utf8.length);
  const chunks: Chunk[] = [];
  for (let start = 0; ; start += size - overlap) {
    const end = Math.min(start + size, tokens.length);
    const content = utf8.toString('utf8', characterStart(utf8, offsets[start]), characterStart(utf8, offsets[end]));
    chunks.push({ index: chunks.length, content, tokens: end - start });
    if (end === tokens.length) {
      return chunks;
    }
  }
}

let tokenByteLengths: Uint16Array | undefined;

/** `offsets[i]`: where token `i` starts in the text's UTF-8 bytes; `offsets[tokens.length]` is the end. */
function byteOffsets(tokens: number[], byteLength: number): Float64Array {
  tokenByteLengths ??= Uint16Array.from(o200kBase, (entry) =>
    typeof entry === 'string' ? Buffer.byteLength(entry, 'utf8') : entry.length,
  );
  const lengths = tokenByteLengths;
  const offsets = new Float64Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) {
    offsets[i + 1] = offsets[i] + lengths[tokens[i]];
  }
  // Guards the pairing of the encoder with this vocabulary (and tokens outside it, which read as 0).
  if (offsets[tokens.length] !== byteLength) {
    throw new Error('chunkText: token byte lengths do not add up to the text; tokenizer and vocabulary differ');
  }
  return offsets;
}

/** The first byte at or after `offset` that starts a character (UTF-8 continuation bytes are 10xxxxxx). */
function characterStart(utf8: Buffer, offset: number): number {
  let position = offset;
  while (position < utf8.length && (utf8[position] & 0xc0) === 0x80) {
    position++;
  }
  return position;
}
