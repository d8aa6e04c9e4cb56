import { datasetIdParamsSchema, searchRequestSchema, searchResponseSchema } from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { RetrievalDeps } from "../deps.js";
import { runDatasetSearch } from "../search/run-dataset-search.js";
import type { SearchMode } from "../search/search-plan.js";
import { retrievalCaller } from "./retrieval-caller.js";

const limits =
  "Options go in `options` (spec form) or at the top level. top_k 1–1000 (default 10), min_score/threshold 0–1 " +
  "applied to each retriever's scores, filters per spec §5.3, all inside the query. Out-of-range parameters, an " +
  "empty query or unknown fusion method: 400 INVALID_SEARCH_PARAMS; a query of other dimensions: 400 INVALID_DIMENSIONS.";

const endpoints: readonly { suffix: string; mode: SearchMode; summary: string; description: string }[] = [
  {
    suffix: "search",
    mode: "vector",
    summary: "Nearest records to query_vector, or to query_text embedded with the dataset's model",
    description:
      "Scores: cosine 1 − distance, euclidean and manhattan 1/(1 + distance), dot_product the inner product.",
  },
  {
    suffix: "search/text",
    mode: "text",
    summary: "Full-text search over the records' content (any query word matches)",
    description:
      "Okapi BM25 (k1 1.2, b 0.75) over the query's words, stopwords dropped, each word scored by its best " +
      "form (stem or exact); N, avgdl and df are the dataset's, before filters. Score = bm25 / (bm25 + 10), in [0, 1).",
  },
  {
    suffix: "search/hybrid",
    mode: "hybrid",
    summary: "Vector and full-text search fused (weighted_sum by default, or rrf, comb_sum, comb_mnz, borda)",
    description:
      "vector_weight + text_weight must sum to 1 ± 0.01. Each hit carries its fused score and rank and each " +
      "retriever's score and rank; if one retriever fails the other still answers.",
  },
];

/** `POST /api/v1/datasets/{dataset_id}/search`, `/search/text`, `/search/hybrid`. */
export function searchRoutes(deps: RetrievalDeps): AnyRoute[] {
  return endpoints.map(({ suffix, mode, summary, description }) =>
    defineRoute({
      method: "POST",
      url: `/api/v1/datasets/:dataset_id/${suffix}`,
      summary,
      description: `${description} ${limits}`,
      tags: ["search"],
      auth: "required",
      space: true,
      params: datasetIdParamsSchema,
      body: searchRequestSchema,
      response: searchResponseSchema,
      handler: ({ principal, space, params, body }) =>
        runDatasetSearch(deps, retrievalCaller(principal, space), params.dataset_id, mode, body),
    }),
  );
}
