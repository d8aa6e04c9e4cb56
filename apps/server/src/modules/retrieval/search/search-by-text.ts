import type { SearchResponse } from "@tributary/contracts";
import type { DatasetRow } from "../store/dataset-row.js";
import { collectHits } from "./collect-hits.js";
import { type DatasetSearch, elapsedMs, type SearchDeps } from "./dataset-search.js";
import { collapseKey } from "./keep-best.js";
import { buildTextQuery, retrieveTextMatches, type TextQuery } from "./retrieve-by-text.js";
import { pageOf, resultVector, searchResponse } from "./search-response.js";

/** The language query words are stemmed in: the request's, the dataset's `metadata.language`, else English. */
export function queryLanguage(requested: string | null, dataset: DatasetRow): string {
  const configured = dataset.metadata.language;
  if (requested) return requested;
  return typeof configured === "string" && /^[a-z]{2}$/.test(configured) ? configured : "en";
}

/** `POST …/search/text`: BM25 ranking over `content` (G26), any query word (stopwords aside) matching. */
export async function searchByText(deps: SearchDeps, search: DatasetSearch): Promise<SearchResponse> {
  const started = performance.now();
  const { plan, dataset } = search;
  const databaseStarted = performance.now();
  const outcome = await deps.sql.withTenant(search.tenantId, async (tx) => {
    const terms = await buildTextQuery(tx, plan.queryText ?? "", queryLanguage(plan.language, dataset));
    if (terms === null) return null;
    const query: TextQuery = {
      scope: { tenantId: search.tenantId, dataset, filter: plan.filter, extra: search.extraCondition },
      terms,
      minScore: plan.minScore,
      fields: plan.fields,
    };
    // The ranking statement counts its matches too: the last fetch's count is total_found.
    const distinctKey = collapseKey(plan);
    let counted = 0;
    const collected = await collectHits(
      async (limit) => {
        const matches = await retrieveTextMatches(tx, query, limit, distinctKey);
        counted = matches.total;
        return matches.hits;
      },
      plan.offset + plan.topK + 1,
      plan,
    );
    const total =
      collected.exhausted || search.countTotal === false
        ? collected.found
        : Math.max(collected.found, counted);
    return { collected, total };
  });
  const databaseMs = elapsedMs(databaseStarted);
  const postProcessingStarted = performance.now();
  const hits = outcome?.collected.hits ?? [];
  const total = outcome?.total ?? 0;
  const fetched = outcome?.collected.fetched ?? 0;
  const items = pageOf(hits, plan).map((hit, index) => ({
    vector: resultVector(hit, dataset, plan),
    score: hit.score,
    distance: 1 - hit.score,
    rank: plan.offset + index + 1,
    explanation: {
      method: "text_search",
      scoring: "bm25 / (bm25 + 10)",
      score: String(hit.score),
    },
  }));
  return searchResponse(
    search,
    items,
    total,
    { started, embeddingMs: 0, databaseMs, postProcessingStarted },
    { vectors_scanned: fetched, index_hits: fetched, filtered_results: total, search: "fulltext" },
  );
}
