import { shape, Violation } from '../../common/validation/shape-validator';
import { AUTO_CHUNKING, ChunkingOptions } from './chunk-text';

/** `chunking_strategy` as the `openai` package types it (`FileChunkingStrategyParam`). */
export type ChunkingStrategyParam =
  { type: 'auto' } | { type: 'static'; static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number } };

export const MIN_CHUNK_SIZE_TOKENS = 100;
export const MAX_CHUNK_SIZE_TOKENS = 4096;

/**
 * `{type: 'auto'}` or `{type: 'static', static: {max_chunk_size_tokens, chunk_overlap_tokens}}`
 * with 100 ≤ max ≤ 4096 and 0 ≤ overlap ≤ max / 2, as OpenAI validated it. Paths are relative to
 * the param (`static.max_chunk_size_tokens`); an absent param is valid (it means auto).
 */
export function checkChunkingStrategy(value: unknown): Violation | null {
  if (value === undefined) {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', "must be an object with type 'auto' or 'static'");
  }
  switch (value.type) {
    case 'auto':
      return unknownKey(value, ['type'], '');
    case 'static':
      return unknownKey(value, ['type', 'static'], '') ?? checkStatic(value.static);
    default:
      return shape.fail('type', "must be one of 'auto', 'static'");
  }
}

function checkStatic(value: unknown): Violation | null {
  if (!shape.isObject(value)) {
    return shape.fail('static', 'must be an object with max_chunk_size_tokens and chunk_overlap_tokens');
  }
  const max = value.max_chunk_size_tokens;
  const overlap = value.chunk_overlap_tokens;
  return shape.firstOf(
    () => unknownKey(value, ['max_chunk_size_tokens', 'chunk_overlap_tokens'], 'static'),
    () =>
      !Number.isInteger(max) || (max as number) < MIN_CHUNK_SIZE_TOKENS || (max as number) > MAX_CHUNK_SIZE_TOKENS
        ? shape.fail(
            'static.max_chunk_size_tokens',
            `must be an integer between ${MIN_CHUNK_SIZE_TOKENS} and ${MAX_CHUNK_SIZE_TOKENS}`,
          )
        : null,
    () =>
      !Number.isInteger(overlap) || (overlap as number) < 0
        ? shape.fail('static.chunk_overlap_tokens', 'must be a non-negative integer')
        : null,
    () =>
      (overlap as number) > (max as number) / 2
        ? shape.fail(
            'static.chunk_overlap_tokens',
            `must not exceed half of max_chunk_size_tokens (${(max as number) / 2})`,
          )
        : null,
  );
}

/** `shape.unknownKey` with the root written as '' rather than a leading dot. */
function unknownKey(value: Record<string, unknown>, allowed: readonly string[], path: string): Violation | null {
  const violation = shape.unknownKey(value, allowed, path);
  return violation && { ...violation, path: violation.path.replace(/^\./, '') };
}

/** The token windows a (validated) strategy stands for; absent or auto → 800 / 400. */
export function chunkingOptionsOf(strategy: ChunkingStrategyParam | undefined | null): ChunkingOptions {
  if (!strategy || strategy.type === 'auto') {
    return { ...AUTO_CHUNKING };
  }
  return {
    maxChunkSizeTokens: strategy.static.max_chunk_size_tokens,
    chunkOverlapTokens: strategy.static.chunk_overlap_tokens,
  };
}
