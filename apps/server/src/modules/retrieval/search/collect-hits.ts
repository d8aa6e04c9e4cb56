import type { Hit } from "./hit.js";
import { type Collapse, collapses, keepBest } from "./keep-best.js";

/** Candidates one ranking query may fetch while collapsing by document or hash. */
export const maxCandidates = 10_000;

export interface Collected {
  /** Best first, collapsed, at most `needed` long. */
  readonly hits: Hit[];
  /** Rows the database returned for the last (largest) fetch. */
  readonly fetched: number;
  /** True when every match was fetched: then `found` is the exact number of (collapsed) matches. */
  readonly exhausted: boolean;
  readonly found: number;
}

/**
 * Fetches ranked candidates until `needed` survive collapsing (or the matches run out): a
 * document's many chunks must not leave a grouped search short of top_k documents while more exist.
 */
export async function collectHits(
  fetch: (limit: number) => Promise<Hit[]>,
  needed: number,
  collapse: Collapse,
): Promise<Collected> {
  let limit = collapses(collapse) ? Math.max(needed * 4, 50) : needed;
  for (;;) {
    const rows = await fetch(Math.min(limit, maxCandidates));
    const kept = keepBest(rows, (hit) => hit.row, collapse);
    const exhausted = rows.length < Math.min(limit, maxCandidates);
    if (kept.length >= needed || exhausted || limit >= maxCandidates) {
      return { hits: kept.slice(0, needed), fetched: rows.length, exhausted, found: kept.length };
    }
    limit *= 4;
  }
}
