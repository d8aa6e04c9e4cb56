import {
  assistantIdParamsSchema,
  assistantListQuerySchema,
  pageSchema,
  queryHistoryEntrySchema,
  queryHistoryStatsQuerySchema,
  queryHistoryStatsSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { AssistantDeps } from "../deps.js";
import { deleteQueryHistoryEntry } from "../history/delete-query-history-entry.js";
import { listQueryHistory } from "../history/list-query-history.js";
import { queryHistoryStats } from "../history/query-history-stats.js";
import { assistantCaller } from "./assistant-caller.js";

const tags = ["assistant"];

/** Each user's own questions and answers; space admins get counts, never other users' questions. */
export function historyRoutes(deps: AssistantDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/query-history",
      summary: "The caller's own questions and answers in the space, newest first",
      tags,
      auth: "required",
      space: true,
      query: assistantListQuerySchema,
      response: pageSchema(queryHistoryEntrySchema),
      handler: ({ principal, space, query }) =>
        listQueryHistory(deps, assistantCaller(principal, space), query),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/query-history/stats",
      summary: "Counts of the space's questions (space owners and admins; no question text)",
      tags,
      auth: "required",
      space: true,
      query: queryHistoryStatsQuerySchema,
      response: queryHistoryStatsSchema,
      handler: ({ principal, space, query }) =>
        queryHistoryStats(deps, assistantCaller(principal, space), query.days),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/query-history/:id",
      summary: "Delete one of the caller's own history entries",
      tags,
      auth: "required",
      space: true,
      status: 204,
      params: assistantIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, space, params }) => {
        await deleteQueryHistoryEntry(deps, assistantCaller(principal, space), params.id);
        return undefined;
      },
    }),
  ];
}
