import type { VectorBatchInsert, VectorBatchResponse } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { RetrievalDeps } from "../deps.js";
import { ensureDatasetIndex } from "./dataset-index.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { upsertVectors } from "./upsert-vectors.js";

export const maxBatchVectors = 1000;

/** `POST /api/v1/datasets/{dataset_id}/vectors/batch`: 1–1000 records in one transaction. */
export async function insertVectorBatch(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  datasetName: string,
  request: VectorBatchInsert,
): Promise<VectorBatchResponse> {
  requireRetrievalAccess(caller, "write");
  const started = performance.now();
  if (request.vectors.length < 1 || request.vectors.length > maxBatchVectors) {
    throw new AppError(
      "VALIDATION_ERROR",
      `A batch holds 1-${maxBatchVectors} vectors, not ${request.vectors.length}`,
      {
        details: {
          field: "vectors",
          provided: request.vectors.length,
          allowed_range: `1-${maxBatchVectors}`,
        },
      },
    );
  }
  const tenantId = tenantOf(caller);
  const { dataset, result } = await deps.sql.withTenant(tenantId, async (tx) => {
    const row = await requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel);
    const upserted = await upsertVectors(tx, row, request.vectors, {
      skipExisting: request.skip_existing ?? false,
      overwrite: request.overwrite ?? false,
    });
    return { dataset: row, result: upserted };
  });
  // A `default` dataset made by this call gets its index now rather than on the first search.
  await ensureDatasetIndex(deps.sql, dataset);
  return { ...result, processing_time_ms: performance.now() - started };
}
