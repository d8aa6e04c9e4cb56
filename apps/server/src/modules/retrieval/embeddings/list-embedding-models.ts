import type { EmbeddingModelsResponse } from "@tributary/contracts";
import type { EmbeddingService } from "./embedding-port.js";

/**
 * `GET /api/v1/embeddings/models`: the models datasets can be pinned to and `POST
 * /api/v1/embeddings` can name, the default first. The built-in lexical embedder is always listed:
 * datasets pinned to it keep working after a model is configured.
 */
export function listEmbeddingModels(embeddings: EmbeddingService): EmbeddingModelsResponse {
  const defaultName = embeddings.defaultModel.name;
  const models = [...embeddings.models()].sort(
    (a, b) => Number(b.name === defaultName) - Number(a.name === defaultName),
  );
  return {
    data: models.map((model) => ({
      name: model.name,
      provider: model.provider,
      dimensions: model.dimensions,
      fallback: model.fallback,
      default: model.name === defaultName,
    })),
  };
}
