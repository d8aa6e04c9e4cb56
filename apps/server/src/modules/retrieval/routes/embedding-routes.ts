import {
  embeddingModelsResponseSchema,
  embeddingsRequestSchema,
  embeddingsResponseSchema,
} from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";
import { type EmbedForTenantDeps, embedForTenant } from "../embeddings/embed-for-tenant.js";
import { listEmbeddingModels } from "../embeddings/list-embedding-models.js";

/** 2048 texts of ordinary chunk size fit; the global 1 MiB limit would not. */
const embeddingsBodyLimitBytes = 8 * 1024 * 1024;

/** `POST /api/v1/embeddings` in the X-Space-ID space's tenant, and the models it can use. */
export function embeddingRoutes(deps: EmbedForTenantDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/embeddings/models",
      summary: "List the embedding models",
      description:
        "The models datasets can be pinned to and embedding requests can name, the default first. The " +
        "built-in lexical embedder (`fallback: true`) is always available.",
      tags: ["retrieval"],
      auth: "required",
      scopes: ["documents:read"],
      response: embeddingModelsResponseSchema,
      handler: async () => listEmbeddingModels(deps.embeddings),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/embeddings",
      summary: "Embed texts with the default model, a named model or a dataset's model",
      description:
        "Acts in the X-Space-ID space's tenant. Repeated texts are answered from the tenant's embedding " +
        "cache. With `dataset_id` the vectors come from the model the dataset is pinned to, so they can be " +
        "stored in it or used as its `query_vector`.",
      tags: ["retrieval"],
      auth: "required",
      space: true,
      scopes: ["documents:read"],
      bodyLimit: embeddingsBodyLimitBytes,
      body: embeddingsRequestSchema,
      response: embeddingsResponseSchema,
      handler: async ({ body, space }) => {
        if (!space) throw new AppError("UNAUTHORIZED", "Authentication required");
        return embedForTenant(deps, space.tenantId, body);
      },
    }),
  ];
}
