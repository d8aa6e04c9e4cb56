import type { IndexType } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { EmbeddingModelInfo } from "../embeddings/embedding-port.js";
import { type DatasetRow, datasetColumns } from "./dataset-row.js";
import { defaultDatasetName, maxHnswDimensions } from "./dataset-rules.js";
import { resolveIndexConfig } from "./index-config.js";

export interface DefaultDatasetOptions {
  /**
   * `flat` (exact scan) by default. Inserting into an HNSW graph costs ~6× more than a flat insert
   * (measured in PGlite: 1,834 chunks of a 1 MB PDF stored in 14.7 s with HNSW, 2.4 s flat), and
   * an exact scan over one tenant's chunks is fast up to ~100k records. Datasets created through
   * the API choose their own index.
   */
  readonly indexType?: Extract<IndexType, "flat" | "hnsw">;
}

/**
 * The tenant's `default` dataset, created on first use (G39: only the system creates it): cosine,
 * pinned to `model` and its dimensions. Safe under concurrency (the live-name index decides).
 * A new hnsw dataset needs its index: call `ensureDatasetIndex(sql, row)` after the transaction
 * (searches also create it on first use).
 */
export async function ensureDefaultDataset(
  tx: SqlTx,
  tenantId: string,
  model: EmbeddingModelInfo,
  options: DefaultDatasetOptions = {},
): Promise<DatasetRow> {
  const wanted = options.indexType ?? "flat";
  const indexType = wanted === "hnsw" && model.dimensions > maxHnswDimensions ? "flat" : wanted;
  await tx.query(
    `INSERT INTO vector_datasets (id, tenant_id, name, description, dimensions, metric_type, index_type,
       index_config, embedding_model, metadata)
     VALUES ($1, $2, $3, $4, $5, 'cosine', $6, $7, $8, $9)
     ON CONFLICT (tenant_id, name) WHERE deleted_at IS NULL DO NOTHING`,
    [
      uuidv7(),
      tenantId,
      defaultDatasetName,
      "The tenant's default dataset",
      model.dimensions,
      indexType,
      JSON.stringify(resolveIndexConfig(indexType, {}, model.dimensions)),
      model.name,
      JSON.stringify({ model_version: model.name }),
    ],
  );
  const [row] = await tx.query<DatasetRow>(
    `SELECT ${datasetColumns} FROM vector_datasets d
      WHERE d.tenant_id = $1 AND d.name = $2 AND d.deleted_at IS NULL`,
    [tenantId, defaultDatasetName],
  );
  if (!row) throw new Error("default dataset neither inserted nor found");
  return row;
}
