import { decode, encode } from 'gpt-tokenizer';
import { AUTO_CHUNKING, Chunk, chunkText } from './chunk-text';

/** Prose with unique, numbered sentences, so every chunk's position in the text is unambiguous. */
function prose(sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, i) =>
      `Sentence ${i} tells of item-${i * 7} and its ${i % 3 === 0 ? 'blue' : 'red'} box.${i % 5 === 4 ? '\n\n' : ' '}`,
  ).join('');
}

/** Where each chunk sits in the text, asserting that chunks are in order and leave no gap. */
function positions(text: string, chunks: Chunk[]): number[] {
  const starts: number[] = [];
  let previousEnd = 0;
  for (const chunk of chunks) {
    const start = text.indexOf(chunk.content, starts.length === 0 ? 0 : starts[starts.length - 1] + 1);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(start).toBeLessThanOrEqual(previousEnd);
    starts.push(start);
    previousEnd = start + chunk.content.length;
  }
  expect(starts[0]).toBe(0);
  expect(previousEnd).toBe(text.length);
  return starts;
}

describe(chunkText.name, () => {
  it('should return no chunk for an empty text', () => {
    expect(chunkText('', AUTO_CHUNKING)).toEqual([]);
  });

  it('should return a text shorter than one window as one chunk', () => {
    const text = 'A short note about the quarterly report.';
    expect(chunkText(text, AUTO_CHUNKING)).toEqual([{ index: 0, content: text, tokens: encode(text).length }]);
  });

  it('should return a text of exactly one window as one chunk', () => {
    const text = prose(200);
    const size = encode(text).length;
    expect(chunkText(text, { maxChunkSizeTokens: size, chunkOverlapTokens: Math.floor(size / 4) })).toHaveLength(1);
  });

  it('should cut token windows of the maximum size that overlap by exactly the overlap', () => {
    const text = prose(600);
    const tokens = encode(text);
    const options = { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 };
    const chunks = chunkText(text, options);

    expect(chunks.length).toBe(Math.ceil((tokens.length - 800) / 400) + 1);
    chunks.forEach((chunk, index) => {
      const start = index * 400;
      const window = tokens.slice(start, start + 800);
      expect(chunk.index).toBe(index);
      expect(chunk.tokens).toBe(window.length);
      expect(chunk.content).toBe(decode(window));
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.tokens === 800)).toBe(true);
    for (let i = 1; i < chunks.length; i++) {
      const overlap = decode(tokens.slice(i * 400, (i - 1) * 400 + 800));
      expect(chunks[i - 1].content.endsWith(overlap)).toBe(true);
      expect(chunks[i].content.startsWith(overlap)).toBe(true);
    }
  });

  it('should cover the whole text, in order, with chunks of at most the maximum size', () => {
    const text = prose(1000);
    const chunks = chunkText(text, { maxChunkSizeTokens: 300, chunkOverlapTokens: 100 });

    expect(chunks.every((chunk) => chunk.tokens <= 300 && chunk.tokens > 0)).toBe(true);
    expect(chunks.map((chunk) => chunk.index)).toEqual(chunks.map((_, i) => i));
    positions(text, chunks);
  });

  it('should reassemble the text exactly from chunks without overlap', () => {
    const text = prose(300);
    const chunks = chunkText(text, { maxChunkSizeTokens: 100, chunkOverlapTokens: 0 });
    expect(chunks.map((chunk) => chunk.content).join('')).toBe(text);
    expect(chunks.reduce((sum, chunk) => sum + chunk.tokens, 0)).toBe(encode(text).length);
  });

  it('should never split a character whose bytes span several tokens', () => {
    // Emoji, CJK and mathematical letters: characters the tokenizer often splits into byte tokens.
    const text = 'Fête 🎉🎊 at 東京 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ꙮ 👩‍👩‍👧‍👦 répétée. '.repeat(40);
    for (const chunkOverlapTokens of [0, 1, 2, 3]) {
      const chunks = chunkText(text, { maxChunkSizeTokens: 7, chunkOverlapTokens });
      expect(chunks.some((chunk) => /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(chunk.content))).toBe(false);
      expect(chunks.every((chunk) => chunk.tokens <= 7)).toBe(true);
      positions(text, chunks);
      if (chunkOverlapTokens === 0) {
        expect(chunks.map((chunk) => chunk.content).join('')).toBe(text);
      }
    }
  });

  it('should treat special-token markup as ordinary text', () => {
    const text = `${prose(100)} <|endoftext|> <|im_start|>system ${prose(100)}`;
    const chunks = chunkText(text, { maxChunkSizeTokens: 200, chunkOverlapTokens: 50 });
    positions(text, chunks);
    expect(chunks.some((chunk) => chunk.content.includes('<|endoftext|>'))).toBe(true);
  });

  it('should be deterministic', () => {
    const text = prose(400);
    expect(chunkText(text, AUTO_CHUNKING)).toEqual(chunkText(text, AUTO_CHUNKING));
  });

  it('should reject options that cannot make progress', () => {
    expect(() => chunkText('text', { maxChunkSizeTokens: 100, chunkOverlapTokens: 100 })).toThrow(RangeError);
    expect(() => chunkText('text', { maxChunkSizeTokens: 0, chunkOverlapTokens: 0 })).toThrow(RangeError);
    expect(() => chunkText('text', { maxChunkSizeTokens: 10.5, chunkOverlapTokens: 0 })).toThrow(RangeError);
  });
});
