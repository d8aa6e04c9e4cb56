import type { EmbeddingsRequest, EmbeddingsResponse } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { EmbeddingService } from "./embedding-port.js";

export interface EmbedForTenantDeps {
  readonly embeddings: EmbeddingService;
  /** The model a tenant's dataset is pinned to (DATASET_NOT_FOUND when it has none by that id). */
  readonly resolveDatasetModel: (tenantId: string, datasetId: string) => Promise<string>;
}

/**
 * `POST /api/v1/embeddings`: texts → vectors with the named model, the dataset's model, or the
 * default one. Naming both a model and a dataset pinned to another model is refused (spec G14:
 * vectors of different models never meet).
 */
export async function embedForTenant(
  deps: EmbedForTenantDeps,
  tenantId: string,
  body: EmbeddingsRequest,
): Promise<EmbeddingsResponse> {
  const model = await chooseModel(deps, tenantId, body);
  const result = await deps.embeddings.embed({ tenantId, model, texts: body.texts });
  return {
    model: result.model,
    dimensions: result.dimensions,
    embeddings: result.vectors,
    usage: { tokens: result.tokens },
    cached: result.cached,
    took_ms: result.tookMs,
  };
}

async function chooseModel(
  deps: EmbedForTenantDeps,
  tenantId: string,
  body: EmbeddingsRequest,
): Promise<string> {
  const datasetModel =
    body.dataset_id === undefined ? undefined : await deps.resolveDatasetModel(tenantId, body.dataset_id);
  if (datasetModel !== undefined && body.model !== undefined && !sameModel(deps, body.model, datasetModel)) {
    throw new AppError(
      "INVALID_SEARCH_PARAMS",
      `Dataset ${body.dataset_id} is pinned to model ${datasetModel}, not ${body.model}: name one or the other`,
      { details: { dataset_id: body.dataset_id, dataset_model: datasetModel, model: body.model } },
    );
  }
  const name = datasetModel ?? body.model ?? deps.embeddings.defaultModel.name;
  if (!deps.embeddings.describe(name)) {
    const known = deps.embeddings.models().map((model) => model.name);
    const subject =
      datasetModel === undefined ? "" : `Dataset ${body.dataset_id} is pinned to model ${name}, which is `;
    throw new AppError(
      "INVALID_SEARCH_PARAMS",
      `${subject || `Model ${name} is `}not available on this platform; known models: ${known.join(", ")}`,
      {
        details: {
          model: name,
          known_models: known,
          ...(body.dataset_id ? { dataset_id: body.dataset_id } : {}),
        },
      },
    );
  }
  return name;
}

function sameModel(deps: EmbedForTenantDeps, a: string, b: string): boolean {
  return a === b || (deps.embeddings.describe(a)?.name ?? a) === (deps.embeddings.describe(b)?.name ?? b);
}
