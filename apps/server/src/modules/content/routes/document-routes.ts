import {
  contentIdParamsSchema,
  documentListQuerySchema,
  documentSchema,
  pageSchema,
  updateDocumentRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { ContentDeps } from "../deps.js";
import { deleteDocument } from "../documents/delete-document.js";
import { getDocumentForCaller } from "../documents/get-document-for-caller.js";
import { listDocuments } from "../documents/list-documents.js";
import { updateDocument } from "../documents/update-document.js";
import { contentCaller } from "./route-helpers.js";

const tags = ["documents"];
const write = ["documents:write"];

/** Document metadata of the `X-Space-ID` space; uploads and chunks are ingestion's routes. */
export function documentRoutes(deps: ContentDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/documents",
      summary: "The space's documents the caller may see, newest first; filter by notebook_id, status or q",
      tags,
      auth: "required",
      space: true,
      query: documentListQuerySchema,
      response: pageSchema(documentSchema),
      handler: ({ principal, space, query }) => listDocuments(deps, contentCaller(principal, space), query),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/documents/:id",
      summary: "A document with all its metadata: status, language, PII summary, classification, chunks",
      tags,
      auth: "required",
      space: true,
      params: contentIdParamsSchema,
      response: documentSchema,
      handler: ({ principal, space, params }) =>
        getDocumentForCaller(deps, contentCaller(principal, space), params.id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/documents/:id",
      summary: "Rename, describe, tag, or move a document to another notebook of the space",
      tags,
      auth: "required",
      space: true,
      scopes: write,
      params: contentIdParamsSchema,
      body: updateDocumentRequestSchema,
      response: documentSchema,
      handler: ({ principal, space, params, body }) =>
        updateDocument(deps, contentCaller(principal, space), params.id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/documents/:id",
      summary: "Soft-delete a document; its stored object and chunks are removed after",
      tags,
      auth: "required",
      space: true,
      scopes: write,
      status: 204,
      params: contentIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, space, params }) => {
        await deleteDocument(deps, contentCaller(principal, space), params.id);
        return undefined;
      },
    }),
  ];
}
