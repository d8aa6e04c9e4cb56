import type { DatasetResponse } from "@tributary/contracts";
import type { RetrievalDeps } from "../deps.js";
import { toDatasetResponse } from "./dataset-row.js";
import { datasetSize } from "./dataset-size.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";

/** One dataset of the caller's tenant with its record count and size. */
export async function getDataset(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  name: string,
): Promise<DatasetResponse> {
  requireRetrievalAccess(caller, "read");
  const tenantId = tenantOf(caller);
  return deps.sql.withTenant(tenantId, async (tx) => {
    const row = await requireDataset(tx, tenantId, name, deps.embeddings.defaultModel);
    return toDatasetResponse(row, await datasetSize(tx, tenantId, row));
  });
}
