import type { SqlTx } from "../../../platform/sql/index.js";
import type { DatasetRow } from "../store/index.js";

export interface DatasetModelPin {
  readonly model: string;
  readonly dimensions: number;
  readonly indexConfig: Record<string, number>;
  /** The generation that becomes searchable. */
  readonly generation: number;
  /** Records were re-embedded into it (sets `last_rebuild_at`). */
  readonly rebuilt: boolean;
}

/**
 * Pins the dataset to a model: model, dimensions, index configuration and searchable generation
 * change together, any re-embedding state is cleared, and a `model_version` in the metadata (the
 * default dataset records one, G14) follows the model.
 */
export async function pinDatasetModel(
  tx: SqlTx,
  dataset: Pick<DatasetRow, "tenant_id" | "id">,
  pin: DatasetModelPin,
): Promise<void> {
  await tx.query(
    `UPDATE vector_datasets d SET
       embedding_model = $3, dimensions = $4, index_config = $5::jsonb, generation = $6,
       reembedding = NULL,
       metadata = CASE WHEN d.metadata ? 'model_version'
                       THEN d.metadata || jsonb_build_object('model_version', $3::text) ELSE d.metadata END,
       last_rebuild_at = CASE WHEN $7 THEN now() ELSE d.last_rebuild_at END,
       updated_at = now()
     WHERE d.tenant_id = $1 AND d.id = $2`,
    [
      dataset.tenant_id,
      dataset.id,
      pin.model,
      pin.dimensions,
      JSON.stringify(pin.indexConfig),
      pin.generation,
      pin.rebuilt,
    ],
  );
}

/** Rows of every other generation: a finished or failed run's leftovers, never searched. */
export async function deleteOtherGenerations(
  tx: SqlTx,
  dataset: Pick<DatasetRow, "tenant_id" | "id">,
  keep: number,
): Promise<void> {
  await tx.query(
    "DELETE FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation <> $3",
    [dataset.tenant_id, dataset.id, keep],
  );
}
