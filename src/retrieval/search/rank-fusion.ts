import { SearchHit } from './search-hit';

/** The usual constant of reciprocal rank fusion: damps the weight of the very first ranks. */
const RRF_K = 60;

/**
 * Reciprocal rank fusion: a chunk scores Σ 1 / (k + rank) over the rankings that found it.
 * Ranks, not raw scores, are fused (cover density and cosine similarity are not comparable). The
 * fused score is divided by its maximum (first in every ranking) so it stays in 0–1, and a score
 * threshold keeps one meaning.
 */
export function fuseRankings(rankings: SearchHit[][]): SearchHit[] {
  const fused = new Map<string, SearchHit>();
  for (const ranking of rankings) {
    ranking.forEach((hit, index) => {
      const contribution = 1 / (RRF_K + index + 1);
      const seen = fused.get(hit.chunkId);
      fused.set(hit.chunkId, { ...(seen ?? hit), score: (seen?.score ?? 0) + contribution });
    });
  }
  const best = rankings.length / (RRF_K + 1);
  return [...fused.values()]
    .map((hit) => ({ ...hit, score: hit.score / best }))
    .sort((a, b) => b.score - a.score || Number(a.chunkId) - Number(b.chunkId));
}
