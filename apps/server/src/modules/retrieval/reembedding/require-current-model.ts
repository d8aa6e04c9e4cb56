import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { DatasetRow } from "../store/index.js";

/**
 * For writers that embedded before their transaction (the document indexer): the dataset must still
 * be on the generation and model they embedded for. Under a share lock, so a re-embedding's switch
 * (which locks the row for update) happens either wholly before this check or after the write
 * commits, when its re-scan finds the new records. A CONFLICT makes the caller's job retry, and the
 * retry embeds with the new model.
 */
export async function requireCurrentModel(
  tx: SqlTx,
  dataset: Pick<DatasetRow, "tenant_id" | "id" | "name" | "generation" | "embedding_model">,
): Promise<void> {
  const [row] = await tx.query<{ generation: number; embedding_model: string }>(
    `SELECT d.generation, d.embedding_model FROM vector_datasets d
      WHERE d.tenant_id = $1 AND d.id = $2 FOR SHARE`,
    [dataset.tenant_id, dataset.id],
  );
  if (row && row.generation === dataset.generation && row.embedding_model === dataset.embedding_model) return;
  throw new AppError(
    "CONFLICT",
    `Dataset '${dataset.name}' changed its embedding model while these records were embedded; embed them again`,
    {
      details: {
        dataset_id: dataset.name,
        embedded_with: dataset.embedding_model,
        embedding_model: row?.embedding_model ?? null,
      },
    },
  );
}
