import type { SearchResponse, SearchResultItem } from "@tributary/contracts";
import { isAppError } from "../../../platform/errors/index.js";
import { explainFusion, type FusedHit, fuseRankings } from "../fusion/index.js";
import { type DatasetSearch, elapsedMs, type SearchDeps } from "./dataset-search.js";
import { checkQueryVector, embedQuery } from "./embed-query.js";
import type { Hit } from "./hit.js";
import { keepBest } from "./keep-best.js";
import { buildTextQuery, retrieveByText } from "./retrieve-by-text.js";
import { retrieveByVector, type VectorScan } from "./retrieve-by-vector.js";
import { queryLanguage } from "./search-by-text.js";
import { pageOf, resultVector, searchResponse } from "./search-response.js";

/** Each retriever's candidate list is capped here; fusion and grouping work on these lists. */
export const maxHybridCandidates = 4000;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

function reason(part: Settled<unknown> | null): string | undefined {
  if (!part || part.ok) return undefined;
  return isAppError(part.error) ? `${part.error.code}: ${part.error.message}` : "the retriever failed";
}

/**
 * `POST …/search/hybrid`: the vector retriever (query_vector, or query_text embedded) and the
 * lexical one (query_text) each over-fetch max(4 × (offset + top_k), 50) candidates with
 * min_score applied to their own scores (G27), then `fuseRankings` merges them. If one retriever
 * fails the other's results still come back (G23); only when neither answers does the call fail.
 */
export async function searchHybrid(deps: SearchDeps, search: DatasetSearch): Promise<SearchResponse> {
  const started = performance.now();
  const { plan, dataset, tenantId } = search;
  if (plan.queryVector) checkQueryVector(plan.queryVector, dataset);
  const candidates = Math.min(Math.max((plan.offset + plan.topK) * 4, 50), maxHybridCandidates);
  const scope = { tenantId, dataset, filter: plan.filter, extra: search.extraCondition };
  let embeddingMs = 0;
  let databaseMs = 0;

  const textWork = async (): Promise<Hit[]> => {
    const databaseStarted = performance.now();
    const hits = await deps.sql.withTenant(tenantId, async (tx) => {
      const terms = await buildTextQuery(tx, plan.queryText ?? "", queryLanguage(plan.language, dataset));
      if (terms === null) return [];
      return retrieveByText(tx, { scope, terms, minScore: plan.minScore, fields: plan.fields }, candidates);
    });
    databaseMs += elapsedMs(databaseStarted);
    return hits;
  };
  const embedWork = async (): Promise<readonly number[]> => {
    if (plan.queryVector) return plan.queryVector;
    const embedded = await embedQuery(deps.embeddings, tenantId, dataset, plan.queryText ?? "");
    embeddingMs = embedded.tookMs;
    return embedded.vector;
  };
  // Embedding (often remote) overlaps the lexical query; the vector query needs its result.
  const [textPart, embedded] = await Promise.all([
    plan.queryText === null ? null : settle(textWork),
    settle(embedWork),
  ]);
  const vectorPart: Settled<{ hits: Hit[]; scan: VectorScan }> = embedded.ok
    ? await settle(async () => {
        const databaseStarted = performance.now();
        const query = {
          scope,
          dataset,
          vector: embedded.value,
          metric: plan.metric ?? dataset.metric_type,
          minScore: plan.minScore,
          maxDistance: plan.maxDistance,
          efSearch: plan.efSearch,
          fields: plan.fields,
        };
        const retrieved = await deps.sql.withTenant(tenantId, (tx) =>
          retrieveByVector(tx, query, candidates),
        );
        databaseMs += elapsedMs(databaseStarted);
        return retrieved;
      })
    : embedded;
  if (!vectorPart.ok && (textPart === null || !textPart.ok)) throw vectorPart.error;

  const postProcessingStarted = performance.now();
  const vectorHits = vectorPart.ok ? vectorPart.value.hits : [];
  const textHits = textPart?.ok ? textPart.value : [];
  const byId = new Map<string, Hit>([...textHits, ...vectorHits].map((hit) => [hit.row.id, hit]));
  const fused = fuseRankings({
    vector: vectorHits.map((hit) => ({ id: hit.row.id, score: hit.score })),
    text: textHits.map((hit) => ({ id: hit.row.id, score: hit.score })),
    method: plan.fusion.method,
    weights: plan.fusion.weights,
    rrfK: plan.fusion.rrfK,
  });
  const hitOf = (fusedHit: FusedHit): Hit => byId.get(fusedHit.id) as Hit;
  const kept = keepBest(fused, (fusedHit) => hitOf(fusedHit).row, plan);
  const items: SearchResultItem[] = pageOf(kept, plan).map((fusedHit, index) => ({
    vector: resultVector(hitOf(fusedHit), dataset, plan),
    score: fusedHit.score,
    distance: fusedHit.vector ? hitOf(fusedHit).distance : null,
    rank: plan.offset + index + 1,
    explanation: explainFusion(fusedHit, plan.fusion.method, plan.fusion.weights),
    scores: { vector: fusedHit.vector?.score ?? null, text: fusedHit.text?.score ?? null },
    ranks: { vector: fusedHit.vector?.rank ?? null, text: fusedHit.text?.rank ?? null },
  }));
  const vectorError = reason(vectorPart);
  const textError = reason(textPart);
  return searchResponse(
    search,
    items,
    kept.length,
    { started, embeddingMs, databaseMs, postProcessingStarted },
    {
      vectors_scanned: vectorHits.length + textHits.length,
      index_hits: vectorHits.length + textHits.length,
      filtered_results: kept.length,
      search: "hybrid",
      vector_results: vectorHits.length,
      text_results: textHits.length,
      fused_results: fused.length,
      ...(vectorError ? { vector_error: vectorError } : {}),
      ...(textError ? { text_error: textError } : {}),
    },
  );
}
