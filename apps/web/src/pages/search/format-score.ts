/** Scores differ in scale (RRF ~0.03, cosine ~0.8): four decimals show both. */
export function formatScore(score: number | null): string {
  return score === null ? "—" : score.toFixed(4);
}
