import type { SearchResponse, SearchResultItem, SearchStats } from "@tributary/contracts";
import type { DatasetRow } from "../store/dataset-row.js";
import { toVectorResponse } from "../store/vector-row.js";
import type { DatasetSearch } from "./dataset-search.js";
import { elapsedMs } from "./dataset-search.js";
import type { Hit } from "./hit.js";
import type { SearchPlan } from "./search-plan.js";

export interface Timings {
  readonly started: number;
  readonly embeddingMs: number;
  readonly databaseMs: number;
  readonly postProcessingStarted: number;
}

/** The page of a best-first list (G33): `offset` skipped, `top_k` kept, ranks counted from offset+1. */
export function pageOf<T>(items: readonly T[], plan: SearchPlan): T[] {
  return items.slice(plan.offset, plan.offset + plan.topK);
}

export function resultVector(hit: Hit, dataset: DatasetRow, plan: SearchPlan): SearchResultItem["vector"] {
  return toVectorResponse(hit.row, dataset.name, plan.fields);
}

/** Spec §5.5 SearchResponse around a page of items; `has_more` per G33. */
export function searchResponse(
  search: DatasetSearch,
  items: SearchResultItem[],
  totalFound: number,
  timings: Timings,
  stats: Omit<SearchStats, "reranking_time_ms" | "database_time_ms" | "post_processing_time_ms">,
): SearchResponse {
  const queryMs = elapsedMs(timings.started);
  return {
    results: items,
    total_found: totalFound,
    has_more: totalFound > search.plan.offset + items.length,
    query_time_ms: queryMs,
    took_ms: queryMs,
    embedding_time_ms: Math.round(timings.embeddingMs * 100) / 100,
    stats: {
      ...stats,
      reranking_time_ms: 0,
      database_time_ms: Math.round(timings.databaseMs * 100) / 100,
      post_processing_time_ms: elapsedMs(timings.postProcessingStarted),
    },
  };
}
