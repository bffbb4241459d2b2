import { AUTO_CHUNKING } from './chunk-text';
import { checkChunkingStrategy, chunkingOptionsOf } from './chunking-strategy';

const staticStrategy = (max: unknown, overlap: unknown) => ({
  type: 'static',
  static: { max_chunk_size_tokens: max, chunk_overlap_tokens: overlap },
});

describe(checkChunkingStrategy.name, () => {
  it.each([
    ['absent', undefined],
    ['auto', { type: 'auto' }],
    ['static at the lower bounds', staticStrategy(100, 0)],
    ['static at the upper bounds', staticStrategy(4096, 2048)],
    ['static with an odd maximum and overlap of half', staticStrategy(801, 400)],
  ])('should accept %s', (_, value) => {
    expect(checkChunkingStrategy(value)).toBeNull();
  });

  it.each([
    ['a string', 'auto', '', /must be an object/],
    ['null', null, '', /must be an object/],
    ['an unknown type', { type: 'semantic' }, 'type', "must be one of 'auto', 'static'"],
    ['a missing type', {}, 'type', "must be one of 'auto', 'static'"],
    ['extra keys on auto', { type: 'auto', static: {} }, 'static', 'unknown parameter'],
    ['static without its object', { type: 'static' }, 'static', /must be an object/],
    ['extra keys on static', { ...staticStrategy(800, 400), size: 1 }, 'size', 'unknown parameter'],
    [
      'extra keys inside static',
      { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400, min: 1 } },
      'static.min',
      'unknown parameter',
    ],
    ['a maximum below 100', staticStrategy(99, 0), 'static.max_chunk_size_tokens', /between 100 and 4096/],
    ['a maximum above 4096', staticStrategy(4097, 0), 'static.max_chunk_size_tokens', /between 100 and 4096/],
    ['a fractional maximum', staticStrategy(800.5, 0), 'static.max_chunk_size_tokens', /integer/],
    ['a missing maximum', staticStrategy(undefined, 0), 'static.max_chunk_size_tokens', /integer/],
    ['a string maximum', staticStrategy('800', 0), 'static.max_chunk_size_tokens', /integer/],
    ['a negative overlap', staticStrategy(800, -1), 'static.chunk_overlap_tokens', /non-negative integer/],
    ['a missing overlap', staticStrategy(800, undefined), 'static.chunk_overlap_tokens', /non-negative integer/],
    ['an overlap above half', staticStrategy(800, 401), 'static.chunk_overlap_tokens', /half .*\(400\)/],
  ])('should reject %s', (_, value, path, message) => {
    expect(checkChunkingStrategy(value)).toEqual({ path, message: expect.stringMatching(message) });
  });
});

describe(chunkingOptionsOf.name, () => {
  it('should read auto and an absent strategy as 800 / 400', () => {
    expect(chunkingOptionsOf({ type: 'auto' })).toEqual({ maxChunkSizeTokens: 800, chunkOverlapTokens: 400 });
    expect(chunkingOptionsOf(undefined)).toEqual(AUTO_CHUNKING);
    expect(chunkingOptionsOf(null)).toEqual(AUTO_CHUNKING);
  });

  it('should read a static strategy as its sizes', () => {
    const strategy = { type: 'static', static: { max_chunk_size_tokens: 1200, chunk_overlap_tokens: 100 } } as const;
    expect(chunkingOptionsOf(strategy)).toEqual({ maxChunkSizeTokens: 1200, chunkOverlapTokens: 100 });
  });

  it('should return a copy that callers may change', () => {
    chunkingOptionsOf(undefined).maxChunkSizeTokens = 1;
    expect(AUTO_CHUNKING.maxChunkSizeTokens).toBe(800);
  });
});
