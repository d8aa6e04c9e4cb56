import { AppError } from "../../../platform/errors/index.js";
import type { EmbeddingService } from "../embeddings/embedding-port.js";
import type { DatasetRow } from "../store/dataset-row.js";

export function dimensionsMismatch(provided: number, dataset: DatasetRow, what: string): AppError {
  return new AppError(
    "INVALID_DIMENSIONS",
    `${what} dimensions (${provided}) don't match dataset dimensions (${dataset.dimensions})`,
    {
      details: {
        provided_dimensions: provided,
        expected_dimensions: dataset.dimensions,
        dataset_id: dataset.name,
      },
    },
  );
}

/** A query vector must have the dataset's dimensions (requirement 13). */
export function checkQueryVector(vector: readonly number[], dataset: DatasetRow): void {
  if (vector.length !== dataset.dimensions) throw dimensionsMismatch(vector.length, dataset, "Query vector");
}

/**
 * Embeds query text with the model the dataset is pinned to (G14: model and dimensions both
 * checked, so two 1536-d models never meet). Outside any transaction.
 */
export async function embedQuery(
  embeddings: EmbeddingService,
  tenantId: string,
  dataset: DatasetRow,
  text: string,
): Promise<{ vector: number[]; tookMs: number }> {
  const model = embeddings.describe(dataset.embedding_model);
  if (!model) {
    throw new AppError(
      "INVALID_DIMENSIONS",
      `Dataset '${dataset.name}' is pinned to ${dataset.embedding_model} (${dataset.dimensions} dimensions), which this server cannot run; search it with query_vector`,
      {
        details: {
          dataset_id: dataset.name,
          embedding_model: dataset.embedding_model,
          expected_dimensions: dataset.dimensions,
        },
      },
    );
  }
  if (model.dimensions !== dataset.dimensions)
    throw dimensionsMismatch(model.dimensions, dataset, "Embedding");
  const started = performance.now();
  const result = await embeddings.embed({ tenantId, model: dataset.embedding_model, texts: [text] });
  const vector = result.vectors[0];
  if (!vector) throw new AppError("EMBEDDING_FAILED", "The embedding service returned no vector");
  if (vector.length !== dataset.dimensions) throw dimensionsMismatch(vector.length, dataset, "Embedding");
  return { vector, tookMs: performance.now() - started };
}
