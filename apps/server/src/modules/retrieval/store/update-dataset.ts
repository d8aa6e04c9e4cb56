import type { DatasetResponse, UpdateDatasetRequest } from "@tributary/contracts";
import type { RetrievalDeps } from "../deps.js";
import { changeDatasetModel } from "../reembedding/change-dataset-model.js";
import { type DatasetRow, datasetColumns, toDatasetResponse } from "./dataset-row.js";
import { invalidDatasetConfig } from "./dataset-rules.js";
import { datasetSize } from "./dataset-size.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";

/** PATCH merges `metadata` key by key; PUT (the spec's verb) replaces it. */
export type DatasetUpdateMode = "merge" | "replace";

const immutableFields = ["name", "dimensions", "metric_type", "index_type"] as const;

/**
 * Changes a dataset's description and metadata (spec §4: everything else needs a new dataset).
 * Another embedding model (its dimensions follow) applies at once to an empty dataset and starts a
 * background re-embedding of one with records (see `changeDatasetModel`).
 */
export async function updateDataset(
  deps: Pick<RetrievalDeps, "sql" | "embeddings" | "jobs">,
  caller: RetrievalCaller,
  name: string,
  request: UpdateDatasetRequest,
  mode: DatasetUpdateMode,
): Promise<DatasetResponse> {
  requireRetrievalAccess(caller, "write");
  const tenantId = tenantOf(caller);
  const { response, change } = await deps.sql.withTenant(tenantId, async (tx) => {
    const current = await requireDataset(tx, tenantId, name, deps.embeddings.defaultModel);
    const model = request.embedding_model;
    const changesModel = model !== undefined && model !== current.embedding_model;
    for (const field of immutableFields) {
      // The dimensions follow a new model (checked against it there).
      if (!(changesModel && field === "dimensions")) refuseChange(current, field, request[field]);
    }
    const modelChange = changesModel
      ? await changeDatasetModel(tx, deps, current, { model, dimensions: request.dimensions })
      : null;
    const [row] = await tx.query<DatasetRow>(
      `UPDATE vector_datasets d SET
         description = coalesce($3, d.description),
         metadata = CASE WHEN $4::jsonb IS NULL THEN d.metadata
                         WHEN $5 THEN d.metadata || $4::jsonb ELSE $4::jsonb END,
         updated_at = now()
       WHERE d.tenant_id = $1 AND d.id = $2 RETURNING ${datasetColumns}`,
      [
        tenantId,
        current.id,
        request.description ?? null,
        request.metadata === undefined ? null : JSON.stringify(request.metadata),
        mode === "merge",
      ],
    );
    if (!row) throw new Error("dataset update returned no row");
    return { response: toDatasetResponse(row, await datasetSize(tx, tenantId, row)), change: modelChange };
  });
  await change?.afterCommit(deps.sql);
  return response;
}

function refuseChange(current: DatasetRow, field: (typeof immutableFields)[number], value: unknown): void {
  if (value === undefined || value === current[field]) return;
  throw invalidDatasetConfig(
    field,
    value,
    String(current[field]),
    `A dataset's ${field} cannot change; create a new dataset (and copy its vectors) instead`,
  );
}
