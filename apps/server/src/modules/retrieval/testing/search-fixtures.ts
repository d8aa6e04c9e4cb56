import {
  type SearchRequest,
  type SearchResponse,
  searchResponseSchema,
  type VectorCreate,
} from "@tributary/contracts";
import type { RetrievalDeps } from "../deps.js";
import { runDatasetSearch } from "../search/run-dataset-search.js";
import type { SearchMode } from "../search/search-plan.js";
import { createDataset } from "../store/create-dataset.js";
import { insertVectorBatch } from "../store/insert-vector-batch.js";
import type { RetrievalCaller } from "../store/retrieval-access.js";

/** Record ids a test can read its results by: `recordId(3)` = `00000000-0000-4000-8000-000000000003`. */
export function recordId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

/** Creates a dataset (8-d lexical model unless said) and stores the records in batches of 1000. */
export async function seedDataset(
  deps: RetrievalDeps,
  caller: RetrievalCaller,
  name: string,
  records: readonly VectorCreate[],
  options: Record<string, unknown> = {},
): Promise<void> {
  await createDataset(deps, caller, {
    name,
    embedding_model: "lexical-hash-v1-8",
    dimensions: 8,
    ...options,
  });
  for (let start = 0; start < records.length; start += 1000) {
    const result = await insertVectorBatch(deps, caller, name, {
      vectors: records.slice(start, start + 1000),
    });
    if (result.failed_count > 0) throw new Error(result.error_messages.join("; "));
  }
}

/** Searches through the HTTP use case and parses the answer with the route's schema. */
export async function search(
  deps: RetrievalDeps,
  caller: RetrievalCaller,
  name: string,
  mode: SearchMode,
  request: SearchRequest,
): Promise<SearchResponse> {
  return searchResponseSchema.parse(await runDatasetSearch(deps, caller, name, mode, request));
}

export function idsOf(response: SearchResponse): string[] {
  return response.results.map((result) => result.vector.id);
}
