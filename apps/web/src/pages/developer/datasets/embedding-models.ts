import type { DatasetResponse, EmbeddingModel } from "@tributary/contracts";
import { ApiError } from "../../../api/api-error";

/**
 * Embedding models to suggest: those the instance serves (`GET /api/v1/embeddings/models`), the
 * models existing datasets use (one may be pinned to a model no longer configured), and the list
 * an INVALID_DATASET_CONFIG answer gives for an unknown model.
 */
export function suggestedModels(
  datasets: readonly Pick<DatasetResponse, "embedding_model">[],
  error: unknown,
  served: readonly Pick<EmbeddingModel, "name">[] = [],
): string[] {
  const names = new Set([
    ...served.map((model) => model.name),
    ...datasets.map((dataset) => dataset.embedding_model),
  ]);
  for (const name of modelsAllowedBy(error)) names.add(name);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The models an "unknown embedding_model" answer says are available (`a (384), b (1536)` or `a, b`). */
export function modelsAllowedBy(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== "INVALID_DATASET_CONFIG") return [];
  if (error.details?.field !== "embedding_model") return [];
  const range = error.details.allowed_range;
  if (typeof range !== "string") return [];
  return range
    .split(", ")
    .map((item) => item.replace(/\s*\(\d+\)$/, "").trim())
    .filter(Boolean);
}
