import type { JobQueue } from "../../../platform/jobs/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { EmbeddingModelInfo } from "../embeddings/embedding-port.js";
import type { DatasetRow } from "../store/index.js";
import { isoMicros } from "../store/sql-time.js";
import { deleteOtherGenerations } from "./pin-dataset-model.js";
import { type ReembedPayload, reembedQueue } from "./reembedding-state.js";

/**
 * Records a model change as running (`reembedding` with done 0 of `total`) and enqueues its job in
 * the same transaction, so the job exists exactly when the state that needs it commits. A failed
 * run's half-built generation is cleared first.
 */
export async function startReembedding(
  tx: SqlTx,
  jobs: JobQueue,
  dataset: Pick<DatasetRow, "tenant_id" | "id" | "generation">,
  target: EmbeddingModelInfo,
  options: { readonly generation: number; readonly total: number },
): Promise<void> {
  await deleteOtherGenerations(tx, dataset, dataset.generation);
  await tx.query(
    `UPDATE vector_datasets d SET
       reembedding = jsonb_build_object(
         'target_model', $3::text, 'target_dimensions', $4::int, 'generation', $5::int,
         'done', 0, 'total', $6::int, 'started_at', ${isoMicros("now()")}, 'error', NULL),
       updated_at = now()
     WHERE d.tenant_id = $1 AND d.id = $2`,
    [dataset.tenant_id, dataset.id, target.name, target.dimensions, options.generation, options.total],
  );
  const payload: ReembedPayload = {
    tenant_id: dataset.tenant_id,
    dataset_id: dataset.id,
    generation: options.generation,
  };
  await jobs.enqueue(
    {
      queue: reembedQueue,
      tenantId: dataset.tenant_id,
      payload,
      dedupeKey: `dataset:${dataset.id}:${options.generation}`,
    },
    tx,
  );
}
