import type { EmbeddingModelInfo, EmbeddingService } from "../embeddings/embedding-port.js";
import { checkDimensions, invalidDatasetConfig } from "./dataset-rules.js";

/**
 * The model a new dataset is pinned to (G14: one model, its dimensions): the named one, else the
 * platform's default, else, when only `dimensions` is given, the first available model of that size.
 */
export function chooseDatasetModel(
  embeddings: EmbeddingService,
  requested: { readonly embedding_model?: string | undefined; readonly dimensions?: number | undefined },
): EmbeddingModelInfo {
  if (requested.dimensions !== undefined) checkDimensions(requested.dimensions);
  const available = () => embeddings.models().map((model) => `${model.name} (${model.dimensions})`);
  if (requested.embedding_model !== undefined) {
    const model = embeddings.describe(requested.embedding_model);
    if (!model) {
      throw invalidDatasetConfig("embedding_model", requested.embedding_model, available().join(", "));
    }
    if (requested.dimensions !== undefined && requested.dimensions !== model.dimensions) {
      throw invalidDatasetConfig(
        "dimensions",
        requested.dimensions,
        String(model.dimensions),
        `Dimensions ${requested.dimensions} do not match ${model.name}, which has ${model.dimensions}`,
      );
    }
    return model;
  }
  const fallback = embeddings.defaultModel;
  if (requested.dimensions === undefined || requested.dimensions === fallback.dimensions) return fallback;
  const sized = embeddings.models().find((model) => model.dimensions === requested.dimensions);
  if (sized) return sized;
  throw invalidDatasetConfig(
    "dimensions",
    requested.dimensions,
    String(fallback.dimensions),
    `No available embedding model has ${requested.dimensions} dimensions (available: ${available().join(", ")}); ` +
      "name one with embedding_model",
  );
}
