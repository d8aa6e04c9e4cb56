import type { SearchResponse, SearchResultItem } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import {
  type ContentCaller,
  liveDocumentIds,
  requireContentAccess,
  visibleNotebookIds,
} from "../../content/index.js";
import type { RetrievalDeps } from "../deps.js";
import { parseSearchPlan, type SqlCondition, searchDataset } from "../search/index.js";
import { type DatasetRow, ensureDatasetIndex, ensureDefaultDataset } from "../store/index.js";
import { rerankApplies, rerankBySentences } from "./rerank-by-sentences.js";
import type { SpacePassage, SpaceSearchRequest, SpaceSearchResult } from "./space-search-port.js";

/** SEARCH_MIN_SCORE and SEARCH_RERANK_DEPTH. */
export interface SpaceSearchSettings {
  /** The component score floor when a request names none. */
  readonly minScore: number;
  /** How many of the best passages a `rerank` request re-ranks by sentence. */
  readonly rerankDepth: number;
}

export const defaultSpaceSearchSettings: SpaceSearchSettings = { minScore: 0, rerankDepth: 30 };

/**
 * Searches the caller's space: the tenant's default dataset, narrowed INSIDE the ranking query to
 * the space, the notebooks the caller may read and the request's filters. Hybrid by default, with
 * RRF (rank-based, so the lexical and vector scores need no common scale).
 */
export async function searchSpace(
  deps: RetrievalDeps,
  caller: ContentCaller,
  request: SpaceSearchRequest,
  settings: SpaceSearchSettings = defaultSpaceSearchSettings,
): Promise<SpaceSearchResult> {
  requireContentAccess(caller, "read");
  const started = performance.now();
  const mode = request.search_mode ?? "hybrid";
  const tenantId = caller.space.tenantId;
  const query = request.query.trim();
  if (query.length === 0) throw new AppError("INVALID_SEARCH_PARAMS", "query must not be empty");
  const plan = parseSearchPlan(
    {
      query_text: query,
      top_k: request.top_k ?? 10,
      min_score: request.min_score ?? settings.minScore,
      include_content: true,
      include_metadata: true,
      ...(mode === "hybrid" ? { fusion_method: "reciprocal_rank_fusion" } : {}),
    },
    mode,
  );
  const { dataset, notebooks } = await deps.sql.withTenant(tenantId, async (tx) => ({
    dataset: await ensureDefaultDataset(tx, tenantId, deps.embeddings.defaultModel),
    notebooks: await visibleNotebookIds(tx, caller),
  }));
  const readable = request.notebook_ids
    ? notebooks.filter((id) => request.notebook_ids?.includes(id))
    : notebooks;
  if (readable.length === 0) return emptyResult(mode, dataset, deps, started);
  const rerankDepth = rerankApplies(request.rerank, deps.embeddings.describe(dataset.embedding_model))
    ? settings.rerankDepth
    : 0;
  await ensureDatasetIndex(deps.sql, dataset);
  const response = await searchDataset(deps, mode, {
    tenantId,
    dataset,
    plan: rerankDepth > plan.topK ? { ...plan, topK: rerankDepth } : plan,
    extraCondition: spaceCondition(caller.space.spaceId, readable, request),
    countTotal: false,
  });
  const live = await deps.sql.withTenant(tenantId, (tx) =>
    liveDocumentIds(
      tx,
      caller.space.spaceId,
      response.results.map((hit) => hit.vector.document_id),
    ),
  );
  // A deleted document's vectors go with its `document.deleted` event; until then, hide them.
  const found = response.results.filter((hit) => live.has(hit.vector.document_id)).map(toPassage);
  const results =
    rerankDepth === 0
      ? found
      : await rerankBySentences(
          {
            embeddings: deps.embeddings,
            tenantId,
            model: dataset.embedding_model,
            query,
            depth: rerankDepth,
          },
          found,
        );
  return {
    results: results.slice(0, plan.topK).map((passage, i) => ({ ...passage, rank: i + 1 })),
    took_ms: Math.round((performance.now() - started) * 100) / 100,
    stats: statsOf(mode, response, dataset, deps, Math.min(rerankDepth, found.length)),
  };
}

/** The space, the readable notebooks and the request's narrowing, as SQL over `dataset_vectors v`. */
function spaceCondition(
  spaceId: string,
  notebooks: readonly string[],
  request: SpaceSearchRequest,
): SqlCondition {
  return (params) => {
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [
      `v.space_id = ${bind(spaceId.toLowerCase())}`,
      `v.notebook_id = ANY(${bind(notebooks)}::text[])`,
    ];
    if (request.document_ids) conditions.push(`v.document_id = ANY(${bind(request.document_ids)}::text[])`);
    if (request.tags && request.tags.length > 0) {
      conditions.push(`(v.metadata -> 'tags') ?| ${bind(request.tags)}::text[]`);
    }
    if (request.created_after) conditions.push(`v.created_at >= ${bind(request.created_after)}::timestamptz`);
    if (request.created_before)
      conditions.push(`v.created_at < ${bind(request.created_before)}::timestamptz`);
    return conditions.join(" AND ");
  };
}

function toPassage(hit: SearchResultItem): SpacePassage {
  const { vector } = hit;
  const metadata = (vector.metadata ?? {}) as Record<string, unknown>;
  return {
    rank: hit.rank,
    score: hit.score,
    scores: { vector: hit.scores?.vector ?? null, text: hit.scores?.text ?? null, sentence: null },
    chunk_id: vector.chunk_id ?? vector.id,
    chunk_index: vector.chunk_index ?? 0,
    document_id: vector.document_id,
    document_name: stringOr(metadata.document_name, vector.document_id),
    // Vectors indexed before titles were recorded have none until their document is reprocessed.
    document_title: typeof metadata.document_title === "string" ? metadata.document_title : null,
    notebook_id: stringOr(metadata.notebook_id, ""),
    content: vector.content ?? "",
    page: numberOrNull(metadata.page_number),
    heading_path: Array.isArray(metadata.heading_path) ? metadata.heading_path.map(String) : [],
    start_offset: numberOrNull(metadata.start_offset),
    end_offset: numberOrNull(metadata.end_offset),
    language: vector.language,
  };
}

function statsOf(
  mode: SpaceSearchResult["stats"]["search_mode"],
  response: SearchResponse | null,
  dataset: DatasetRow,
  deps: RetrievalDeps,
  reranked = 0,
): SpaceSearchResult["stats"] {
  const count = response?.results.length ?? 0;
  return {
    search_mode: mode,
    vector_results: response?.stats.vector_results ?? (mode === "vector" ? count : 0),
    text_results: response?.stats.text_results ?? (mode === "text" ? count : 0),
    embedding_model: dataset.embedding_model,
    embedding_fallback: deps.embeddings.describe(dataset.embedding_model)?.fallback ?? false,
    reranked,
  };
}

function emptyResult(
  mode: SpaceSearchResult["stats"]["search_mode"],
  dataset: DatasetRow,
  deps: RetrievalDeps,
  started: number,
): SpaceSearchResult {
  return {
    results: [],
    took_ms: Math.round((performance.now() - started) * 100) / 100,
    stats: statsOf(mode, null, dataset, deps),
  };
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);
const numberOrNull = (value: unknown): number | null => (typeof value === "number" ? value : null);
