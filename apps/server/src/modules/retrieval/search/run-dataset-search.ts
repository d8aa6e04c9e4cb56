import type { SearchRequest, SearchResponse } from "@tributary/contracts";
import { ensureDatasetIndex } from "../store/dataset-index.js";
import { requireDataset } from "../store/find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "../store/retrieval-access.js";
import type { SearchDeps } from "./dataset-search.js";
import { searchDataset } from "./search-dataset.js";
import { parseSearchPlan, type SearchMode } from "./search-plan.js";

/** `POST /api/v1/datasets/{dataset_id}/search[/text|/hybrid]`: a dataset of the caller's own tenant only (G21). */
export async function runDatasetSearch(
  deps: SearchDeps,
  caller: RetrievalCaller,
  datasetName: string,
  mode: SearchMode,
  request: SearchRequest,
): Promise<SearchResponse> {
  requireRetrievalAccess(caller, "read");
  const plan = parseSearchPlan(request, mode);
  const tenantId = tenantOf(caller);
  const dataset = await deps.sql.withTenant(tenantId, (tx) =>
    requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel),
  );
  await ensureDatasetIndex(deps.sql, dataset);
  return searchDataset(deps, mode, { tenantId, dataset, plan });
}
