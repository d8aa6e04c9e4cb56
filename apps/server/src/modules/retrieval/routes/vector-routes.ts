import {
  datasetIdParamsSchema,
  deleteVectorsQuerySchema,
  deleteVectorsResponseSchema,
  vectorBatchInsertSchema,
  vectorBatchResponseSchema,
  vectorIdParamsSchema,
  vectorResponseSchema,
} from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { RetrievalDeps } from "../deps.js";
import { deleteDocumentVectors } from "../store/delete-document-vectors.js";
import { deleteVector } from "../store/delete-vector.js";
import { getVector } from "../store/get-vector.js";
import { insertVectorBatch } from "../store/insert-vector-batch.js";
import { retrievalCaller, writeScopes } from "./retrieval-caller.js";

const tags = ["vectors"];
/** 1,000 records of up to 2,000 dimensions with 10,000 characters of content each fit. */
const batchBodyLimit = 64 * 1024 * 1024;

/** `/api/v1/datasets/{dataset_id}/vectors…`. */
export function vectorRoutes(deps: RetrievalDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/datasets/:dataset_id/vectors/batch",
      summary:
        "Store 1–1000 records; an existing id is skipped (skip_existing), replaced (overwrite) or failed",
      description:
        "inserted_count + skipped_count + failed_count equals the number of records. A record that breaks a rule " +
        "(dimensions, NaN, content length, hash, chunk position) rejects the whole batch; metadata.tenant_id must be " +
        "the caller's tenant (403). With skip_existing, records whose content_hash is already stored are skipped.",
      tags,
      auth: "required",
      space: true,
      scopes: writeScopes,
      bodyLimit: batchBodyLimit,
      params: datasetIdParamsSchema,
      body: vectorBatchInsertSchema,
      response: vectorBatchResponseSchema,
      handler: ({ principal, space, params, body }) =>
        insertVectorBatch(deps, retrievalCaller(principal, space), params.dataset_id, body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/datasets/:dataset_id/vectors/:vector_id",
      summary: "One record with its values",
      tags,
      auth: "required",
      space: true,
      params: vectorIdParamsSchema,
      response: vectorResponseSchema,
      handler: ({ principal, space, params }) =>
        getVector(deps, retrievalCaller(principal, space), params.dataset_id, params.vector_id),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/datasets/:dataset_id/vectors/:vector_id",
      summary: "Delete one record",
      tags,
      auth: "required",
      space: true,
      scopes: writeScopes,
      params: vectorIdParamsSchema,
      response: deleteVectorsResponseSchema,
      handler: ({ principal, space, params }) =>
        deleteVector(deps, retrievalCaller(principal, space), params.dataset_id, params.vector_id),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/datasets/:dataset_id/vectors",
      summary: "Delete every record of a document",
      tags,
      auth: "required",
      space: true,
      scopes: writeScopes,
      params: datasetIdParamsSchema,
      query: deleteVectorsQuerySchema,
      response: deleteVectorsResponseSchema,
      handler: ({ principal, space, params, query }) =>
        deleteDocumentVectors(deps, retrievalCaller(principal, space), params.dataset_id, query.document_id),
    }),
  ];
}
