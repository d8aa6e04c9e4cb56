import type { RetrievalDeps } from "../deps.js";
import { requireDataset } from "./find-dataset.js";
import { vectorNotFound } from "./get-vector.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { isUuid } from "./uuid.js";

/** Deletes one record from every generation of the dataset (a running re-embedding must not revive it). */
export async function deleteVector(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  datasetName: string,
  vectorId: string,
): Promise<{ success: true; deleted_count: number }> {
  requireRetrievalAccess(caller, "write");
  const tenantId = tenantOf(caller);
  return deps.sql.withTenant(tenantId, async (tx) => {
    const dataset = await requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel);
    if (!isUuid(vectorId)) throw vectorNotFound(vectorId, dataset.name);
    const rows = await tx.query<{ generation: number }>(
      `DELETE FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.id = $3
       RETURNING v.generation`,
      [tenantId, dataset.id, vectorId.toLowerCase()],
    );
    if (!rows.some((row) => row.generation === dataset.generation))
      throw vectorNotFound(vectorId, dataset.name);
    return { success: true, deleted_count: 1 };
  });
}
