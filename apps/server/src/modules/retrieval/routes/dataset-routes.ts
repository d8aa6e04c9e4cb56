import {
  createDatasetRequestSchema,
  datasetIdParamsSchema,
  datasetListQuerySchema,
  datasetSchema,
  datasetStatsSchema,
  deleteDatasetResponseSchema,
  pageSchema,
  updateDatasetRequestSchema,
} from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { RetrievalDeps } from "../deps.js";
import { createDataset } from "../store/create-dataset.js";
import { deleteDataset } from "../store/delete-dataset.js";
import { getDataset } from "../store/get-dataset.js";
import { getDatasetStats } from "../store/get-dataset-stats.js";
import { listDatasets } from "../store/list-datasets.js";
import { type DatasetUpdateMode, updateDataset } from "../store/update-dataset.js";
import { retrievalCaller, writeScopes } from "./retrieval-caller.js";
import { searchRoutes } from "./search-routes.js";
import { vectorRoutes } from "./vector-routes.js";

const tags = ["datasets"];
const tenancy =
  "Acts in the tenant of the X-Space-ID space: datasets of other tenants do not exist for the caller.";

/** Every HTTP route of the retrieval module's dataset API (spec §2, §4, §5). */
export function retrievalRoutes(deps: RetrievalDeps): AnyRoute[] {
  return [...datasetRoutes(deps), ...vectorRoutes(deps), ...searchRoutes(deps)];
}

function updateRoute(deps: RetrievalDeps, method: "PATCH" | "PUT", mode: DatasetUpdateMode): AnyRoute {
  return defineRoute({
    method,
    url: "/api/v1/datasets/:dataset_id",
    summary:
      method === "PATCH"
        ? "Change a dataset's description or metadata (merged key by key)"
        : "Change a dataset's description or metadata (replaced); the spec's verb",
    description: `${tenancy} name, dimensions, metric_type and index_type cannot change. Another embedding_model (its dimensions follow) applies at once to an empty dataset; one with records answers 202 and is re-embedded in the background (progress in \`reembedding\`; searches use the current model until the switch; 409 while another change runs).`,
    tags,
    auth: "required",
    space: true,
    scopes: writeScopes,
    params: datasetIdParamsSchema,
    body: updateDatasetRequestSchema,
    response: datasetSchema,
    otherResponses: { 202: datasetSchema },
    handler: async ({ principal, space, params, body, reply }) => {
      const dataset = await updateDataset(
        deps,
        retrievalCaller(principal, space),
        params.dataset_id,
        body,
        mode,
      );
      // Accepted: the model asked for is being re-embedded in the background.
      if (
        dataset.reembedding?.status === "running" &&
        dataset.reembedding.target_model === body.embedding_model
      ) {
        reply.status(202);
      }
      return dataset;
    },
  });
}

/** `/api/v1/datasets[/{dataset_id}[/stats]]`. */
export function datasetRoutes(deps: RetrievalDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/datasets",
      summary: "The tenant's datasets by name (its `default` dataset is created on first use)",
      description: tenancy,
      tags,
      auth: "required",
      space: true,
      query: datasetListQuerySchema,
      response: pageSchema(datasetSchema),
      handler: ({ principal, space, query }) => listDatasets(deps, retrievalCaller(principal, space), query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/datasets",
      summary: "Create a dataset pinned to one embedding model, its dimensions, a metric and an index",
      description: `${tenancy} Errors: INVALID_DATASET_CONFIG {field, value, allowed_range}, DATASET_ALREADY_EXISTS (409) unless overwrite.`,
      tags,
      auth: "required",
      space: true,
      scopes: writeScopes,
      status: 201,
      body: createDatasetRequestSchema,
      response: datasetSchema,
      handler: ({ principal, space, body }) => createDataset(deps, retrievalCaller(principal, space), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/datasets/:dataset_id",
      summary: "A dataset with its vector count and storage size",
      description: tenancy,
      tags,
      auth: "required",
      space: true,
      params: datasetIdParamsSchema,
      response: datasetSchema,
      handler: ({ principal, space, params }) =>
        getDataset(deps, retrievalCaller(principal, space), params.dataset_id),
    }),
    updateRoute(deps, "PATCH", "merge"),
    updateRoute(deps, "PUT", "replace"),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/datasets/:dataset_id",
      summary: "Move a dataset to the trash (its name is free again); space owners and admins",
      description: tenancy,
      tags,
      auth: "required",
      space: true,
      scopes: writeScopes,
      params: datasetIdParamsSchema,
      response: deleteDatasetResponseSchema,
      handler: ({ principal, space, params }) =>
        deleteDataset(deps, retrievalCaller(principal, space), params.dataset_id),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/datasets/:dataset_id/stats",
      summary: "Record, document and chunk counts, languages, content types, index and embedding model",
      description: tenancy,
      tags,
      auth: "required",
      space: true,
      params: datasetIdParamsSchema,
      response: datasetStatsSchema,
      handler: ({ principal, space, params }) =>
        getDatasetStats(deps, retrievalCaller(principal, space), params.dataset_id),
    }),
  ];
}
