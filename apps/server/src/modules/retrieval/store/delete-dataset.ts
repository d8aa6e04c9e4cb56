import { AppError } from "../../../platform/errors/index.js";
import type { RetrievalDeps } from "../deps.js";
import { dropDatasetIndex } from "./dataset-index.js";
import { defaultDatasetName } from "./dataset-rules.js";
import { datasetNotFound, findDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { trashDataset } from "./trash-dataset.js";

export interface DeleteDatasetResult {
  readonly success: true;
  readonly message: string;
  readonly deleted_at: string;
}

/** Soft-deletes a dataset (G38: the name is free again); space owners and admins only. */
export async function deleteDataset(
  deps: Pick<RetrievalDeps, "sql">,
  caller: RetrievalCaller,
  name: string,
): Promise<DeleteDatasetResult> {
  requireRetrievalAccess(caller, "manage");
  const tenantId = tenantOf(caller);
  if (name === defaultDatasetName) {
    throw new AppError(
      "FORBIDDEN",
      "The default dataset is managed by the system; delete its vectors instead",
      {
        details: { dataset_id: name },
      },
    );
  }
  const { dataset, deletedAt } = await deps.sql.withTenant(tenantId, async (tx) => {
    const row = await findDataset(tx, tenantId, name);
    if (!row) throw datasetNotFound(tenantId, name);
    return { dataset: row, deletedAt: await trashDataset(tx, tenantId, row) };
  });
  // A trashed dataset is never searched: its index only costs writes and space.
  await dropDatasetIndex(deps.sql, dataset);
  return { success: true, message: `Dataset '${name}' deleted successfully`, deleted_at: deletedAt };
}
