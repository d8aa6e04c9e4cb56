import type { CreateDatasetRequest, DatasetResponse } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { RetrievalDeps } from "../deps.js";
import { chooseDatasetModel } from "./choose-dataset-model.js";
import { dropDatasetIndex, ensureDatasetIndex } from "./dataset-index.js";
import { type DatasetRow, datasetColumns, emptyDatasetSize, toDatasetResponse } from "./dataset-row.js";
import { checkUserDatasetName, parseIndexType, parseMetricType } from "./dataset-rules.js";
import { findDataset } from "./find-dataset.js";
import { resolveIndexConfig } from "./index-config.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { trashDataset } from "./trash-dataset.js";

/**
 * A new dataset of the caller's tenant (spec §4 create steps, requirement 8). `overwrite` trashes
 * a live dataset of the same name first; otherwise the name must be free.
 */
export async function createDataset(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  request: CreateDatasetRequest,
): Promise<DatasetResponse> {
  requireRetrievalAccess(caller, "write");
  const tenantId = tenantOf(caller);
  checkUserDatasetName(request.name);
  const metricType = parseMetricType(request.metric_type);
  const indexType = parseIndexType(request.index_type);
  const model = chooseDatasetModel(deps.embeddings, request);
  const indexConfig = resolveIndexConfig(indexType, request.index_config ?? {}, model.dimensions);
  const metadata = { model_version: model.name, ...request.metadata };

  const { created, replaced } = await deps.sql.withTenant(tenantId, async (tx) => {
    const existing = await findDataset(tx, tenantId, request.name);
    if (existing && !request.overwrite) throw alreadyExists(tenantId, request.name);
    if (existing) await trashDataset(tx, tenantId, existing);
    const row = await insertDataset(tx, [
      uuidv7(),
      tenantId,
      request.name,
      request.description ?? "",
      model.dimensions,
      metricType,
      indexType,
      JSON.stringify(indexConfig),
      model.name,
      JSON.stringify(metadata),
    ]).catch((error: unknown) => {
      if ((error as { code?: string }).code === "23505") throw alreadyExists(tenantId, request.name);
      throw error;
    });
    return { created: row, replaced: existing };
  });
  if (replaced) await dropDatasetIndex(deps.sql, replaced);
  await ensureDatasetIndex(deps.sql, created);
  return toDatasetResponse(created, emptyDatasetSize);
}

async function insertDataset(tx: SqlTx, values: unknown[]): Promise<DatasetRow> {
  const [row] = await tx.query<DatasetRow>(
    `INSERT INTO vector_datasets AS d (id, tenant_id, name, description, dimensions, metric_type, index_type,
       index_config, embedding_model, metadata)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${datasetColumns}`,
    values,
  );
  if (!row) throw new Error("dataset insert returned no row");
  return row;
}

function alreadyExists(tenantId: string, name: string): AppError {
  return new AppError(
    "DATASET_ALREADY_EXISTS",
    `Dataset '${name}' already exists; set overwrite=true to replace it`,
    {
      details: { dataset_id: name, tenant_id: tenantId },
    },
  );
}
