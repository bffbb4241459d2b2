import { fuseRankings } from './rank-fusion';
import { SearchHit } from './search-hit';

const hit = (chunkId: string, score = 0.5): SearchHit => ({
  chunkId,
  fileId: `file-${chunkId}`,
  filename: `${chunkId}.txt`,
  attributes: {},
  content: chunkId,
  score,
});

describe(fuseRankings.name, () => {
  it('should rank first what both rankings put high, and keep what only one found', () => {
    const keyword = [hit('a'), hit('b'), hit('c')];
    const vector = [hit('b'), hit('d'), hit('a')];
    expect(fuseRankings([keyword, vector]).map((found) => found.chunkId)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('should score 1 for a chunk first in every ranking, and stay within 0–1', () => {
    const fused = fuseRankings([[hit('a'), hit('b')], [hit('a')]]);
    expect(fused[0]).toMatchObject({ chunkId: 'a', score: 1 });
    expect(fused.every((found) => found.score > 0 && found.score <= 1)).toBe(true);
  });

  it('should answer nothing for no results', () => {
    expect(fuseRankings([[], []])).toEqual([]);
  });
});
