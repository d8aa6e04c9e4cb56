import {
  contentIdParamsSchema,
  createNotebookRequestSchema,
  notebookListQuerySchema,
  notebookSchema,
  pageSchema,
  updateNotebookRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { ContentDeps } from "../deps.js";
import { createNotebook } from "../notebooks/create-notebook.js";
import { deleteNotebook } from "../notebooks/delete-notebook.js";
import { getNotebook } from "../notebooks/get-notebook.js";
import { listNotebooks } from "../notebooks/list-notebooks.js";
import { updateNotebook } from "../notebooks/update-notebook.js";
import { contentCaller } from "./route-helpers.js";

const tags = ["notebooks"];
const write = ["documents:write"];

/** Notebooks of the `X-Space-ID` space: read by viewers, written by members (§3.5). */
export function notebookRoutes(deps: ContentDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/notebooks",
      summary: "The space's notebooks the caller may see, newest first; filter by parent_id or q",
      tags,
      auth: "required",
      space: true,
      query: notebookListQuerySchema,
      response: pageSchema(notebookSchema),
      handler: ({ principal, space, query }) => listNotebooks(deps, contentCaller(principal, space), query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/notebooks",
      summary: "Create a notebook, at the top level or under a parent of the same space",
      tags,
      auth: "required",
      space: true,
      scopes: write,
      status: 201,
      body: createNotebookRequestSchema,
      response: notebookSchema,
      handler: ({ principal, space, body }) => createNotebook(deps, contentCaller(principal, space), body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/notebooks/:id",
      summary: "A notebook the caller may see",
      tags,
      auth: "required",
      space: true,
      params: contentIdParamsSchema,
      response: notebookSchema,
      handler: ({ principal, space, params }) =>
        getNotebook(deps, contentCaller(principal, space), params.id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/notebooks/:id",
      summary: "Change a notebook, or move it with parent_id (null: to the top level); owner or space admin",
      tags,
      auth: "required",
      space: true,
      scopes: write,
      params: contentIdParamsSchema,
      body: updateNotebookRequestSchema,
      response: notebookSchema,
      handler: ({ principal, space, params, body }) =>
        updateNotebook(deps, contentCaller(principal, space), params.id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/notebooks/:id",
      summary: "Soft-delete a notebook with its descendants and their documents; owner or space admin",
      tags,
      auth: "required",
      space: true,
      scopes: write,
      status: 204,
      params: contentIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, space, params }) => {
        await deleteNotebook(deps, contentCaller(principal, space), params.id);
        return undefined;
      },
    }),
  ];
}
