import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { EmbeddingModelInfo } from "../embeddings/embedding-port.js";
import { type DatasetRow, datasetColumns } from "./dataset-row.js";
import { defaultDatasetName } from "./dataset-rules.js";
import { ensureDefaultDataset } from "./ensure-default-dataset.js";

/** The tenant's live dataset of that name (trashed ones are skipped, G38), or null. */
export async function findDataset(tx: SqlTx, tenantId: string, name: string): Promise<DatasetRow | null> {
  const [row] = await tx.query<DatasetRow>(
    `SELECT ${datasetColumns} FROM vector_datasets d
      WHERE d.tenant_id = $1 AND d.name = $2 AND d.deleted_at IS NULL`,
    [tenantId, name],
  );
  return row ?? null;
}

export function datasetNotFound(tenantId: string, name: string): AppError {
  return new AppError("DATASET_NOT_FOUND", `Dataset '${name}' not found`, {
    details: { dataset_id: name, tenant_id: tenantId },
  });
}

/**
 * The tenant's dataset of that name; `default` is created on first use with the platform's
 * default model. Datasets resolve only inside the caller's tenant (G21): another tenant's name
 * is simply not found.
 */
export async function requireDataset(
  tx: SqlTx,
  tenantId: string,
  name: string,
  defaultModel: EmbeddingModelInfo,
): Promise<DatasetRow> {
  if (name === defaultDatasetName) return ensureDefaultDataset(tx, tenantId, defaultModel);
  const row = await findDataset(tx, tenantId, name);
  if (!row) throw datasetNotFound(tenantId, name);
  return row;
}
