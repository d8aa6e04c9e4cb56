import { spaceSearchRequestSchema, spaceSearchResponseSchema } from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { RetrievalDeps } from "../deps.js";
import { type SpaceSearchSettings, searchSpace } from "../space-search/search-space.js";
import { retrievalCaller } from "./retrieval-caller.js";

/** `POST /api/v1/search`: the space search the assistant and the web app use. */
export function spaceSearchRoutes(deps: RetrievalDeps, settings: SpaceSearchSettings): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/search",
      summary: "Search the documents of the space that you may read",
      description:
        "Hybrid (vector + full-text, RRF) by default. Space, readable notebooks and the filters are conditions " +
        "inside the ranking query. top_k 1–1000 (default 10); min_score 0–1 applies to each retriever's score. " +
        "rerank re-orders the best SEARCH_RERANK_DEPTH candidates by their sentence most similar to the query.",
      tags: ["search"],
      auth: "required",
      space: true,
      body: spaceSearchRequestSchema,
      response: spaceSearchResponseSchema,
      handler: ({ principal, space, body }) =>
        searchSpace(deps, retrievalCaller(principal, space), body, settings),
    }),
  ];
}
