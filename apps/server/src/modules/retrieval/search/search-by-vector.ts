import type { SearchResponse } from "@tributary/contracts";
import { collectHits } from "./collect-hits.js";
import { type DatasetSearch, elapsedMs, type SearchDeps } from "./dataset-search.js";
import { checkQueryVector, embedQuery } from "./embed-query.js";
import { collapseKey } from "./keep-best.js";
import {
  countVectorMatches,
  retrieveByVector,
  type VectorQuery,
  type VectorScan,
} from "./retrieve-by-vector.js";
import { pageOf, resultVector, searchResponse } from "./search-response.js";

/**
 * `POST …/search`: nearest records to `query_vector`, or to `query_text` embedded with the
 * dataset's model. Scores per G28; thresholds, filters, tenant and any extra condition inside
 * the SQL; grouping and deduplication before the top_k cut.
 */
export async function searchByVector(deps: SearchDeps, search: DatasetSearch): Promise<SearchResponse> {
  const started = performance.now();
  const { plan, dataset } = search;
  let vector = plan.queryVector;
  let embeddingMs = 0;
  if (vector) checkQueryVector(vector, dataset);
  else {
    const embedded = await embedQuery(deps.embeddings, search.tenantId, dataset, plan.queryText ?? "");
    vector = embedded.vector;
    embeddingMs = embedded.tookMs;
  }
  const query: VectorQuery = {
    scope: { tenantId: search.tenantId, dataset, filter: plan.filter, extra: search.extraCondition },
    dataset,
    vector,
    metric: plan.metric ?? dataset.metric_type,
    minScore: plan.minScore,
    maxDistance: plan.maxDistance,
    efSearch: plan.efSearch,
    fields: plan.fields,
  };
  const databaseStarted = performance.now();
  const { collected, scan, total } = await deps.sql.withTenant(search.tenantId, async (tx) => {
    let scan: VectorScan = "exact";
    const needed = plan.offset + plan.topK + 1;
    const collected = await collectHits(
      async (limit) => {
        const retrieved = await retrieveByVector(tx, query, limit);
        scan = retrieved.scan;
        return retrieved.hits;
      },
      needed,
      plan,
    );
    const total =
      collected.exhausted || search.countTotal === false
        ? collected.found
        : Math.max(collected.found, await countVectorMatches(tx, query, collapseKey(plan)));
    return { collected, scan, total };
  });
  const databaseMs = elapsedMs(databaseStarted);
  const postProcessingStarted = performance.now();
  const items = pageOf(collected.hits, plan).map((hit, index) => ({
    vector: resultVector(hit, dataset, plan),
    score: hit.score,
    distance: hit.distance,
    rank: plan.offset + index + 1,
    explanation: {
      method: "vector_search",
      metric: query.metric,
      distance: String(hit.distance),
      score: String(hit.score),
      scan,
    },
  }));
  return searchResponse(
    search,
    items,
    total,
    { started, embeddingMs, databaseMs, postProcessingStarted },
    {
      vectors_scanned: collected.fetched,
      index_hits: collected.fetched,
      filtered_results: total,
      search: scan,
    },
  );
}
