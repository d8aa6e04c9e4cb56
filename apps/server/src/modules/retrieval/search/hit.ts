import type { VectorRow } from "../store/vector-row.js";

/** One record a retriever found: its score (higher is better) and, for vector hits, its distance. */
export interface Hit {
  readonly row: VectorRow;
  readonly score: number;
  readonly distance: number | null;
}

/** Best first; equal scores by id, so pages and fusion inputs are deterministic. */
export function compareHits(a: Hit, b: Hit): number {
  return b.score - a.score || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}
