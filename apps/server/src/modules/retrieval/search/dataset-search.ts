import type { RetrievalDeps } from "../deps.js";
import type { DatasetRow } from "../store/dataset-row.js";
import type { SearchPlan } from "./search-plan.js";
import type { SqlCondition } from "./search-scope.js";

export type SearchDeps = Pick<RetrievalDeps, "sql" | "embeddings">;

/** One search of one dataset, already authorised and validated. */
export interface DatasetSearch {
  readonly tenantId: string;
  readonly dataset: DatasetRow;
  readonly plan: SearchPlan;
  /** A condition every ranking query adds before ORDER BY … LIMIT (e.g. a space search's space and notebooks). */
  readonly extraCondition?: SqlCondition | undefined;
  /**
   * Count every match for `total_found` (default). False skips the count query when the page is
   * full: `total_found` is then a lower bound (`has_more` stays right), which saves a scan on
   * large datasets where only the first page matters.
   */
  readonly countTotal?: boolean | undefined;
}

/** Milliseconds since `started`, to 0.01 ms. */
export function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
