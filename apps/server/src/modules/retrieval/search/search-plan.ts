import { type MetricType, metricTypes, type SearchOptions, type SearchRequest } from "@tributary/contracts";
import { AppError, assertNever } from "../../../platform/errors/index.js";
import { type FilterNode, parseFilter } from "../filters/index.js";
import {
  defaultRrfK,
  type FusionMethod,
  type HybridWeights,
  parseFusionMethod,
  validateHybridWeights,
} from "../fusion/index.js";
import type { VectorFields } from "../store/vector-row.js";

/** `/search` ranks by vector (query_text is embedded), `/search/text` lexically, `/search/hybrid` both. */
export type SearchMode = "vector" | "text" | "hybrid";

/** A validated search: every limit of spec §5.1–§5.2 and requirement 13 checked. */
export interface SearchPlan {
  readonly queryVector: readonly number[] | null;
  readonly queryText: string | null;
  readonly topK: number;
  readonly offset: number;
  /** Minimum component score, applied by each retriever before fusion (G27). */
  readonly minScore: number | null;
  readonly maxDistance: number | null;
  /** A per-query metric; another than the dataset's scans exactly (G30). */
  readonly metric: MetricType | null;
  readonly fields: VectorFields;
  readonly filter: FilterNode | null;
  readonly deduplicate: boolean;
  readonly groupByDocument: boolean;
  readonly efSearch: number | null;
  readonly language: string | null;
  readonly fusion: { readonly method: FusionMethod; readonly weights: HybridWeights; readonly rrfK: number };
}

export const maxTopK = 1000;
export const maxQueryVectorLength = 10_000;
export const maxQueryTextLength = 10_000;
const maxOffset = 10_000;

export function invalidSearch(message: string, details?: Record<string, unknown>): AppError {
  return new AppError("INVALID_SEARCH_PARAMS", message, details ? { details } : {});
}

function intInRange(
  field: string,
  value: number | undefined,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidSearch(`${field} must be an integer between ${min} and ${max}`, {
      field,
      value,
      allowed_range: `${min}-${max}`,
    });
  }
  return value;
}

function numberInRange(field: string, value: number | undefined, min: number, max: number): number | null {
  if (value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw invalidSearch(`${field} must be between ${min} and ${max}`, {
      field,
      value,
      allowed_range: `${min}-${max}`,
    });
  }
  return value;
}

/** The spec's nested `options` and the flat form at the top level; top-level fields win. */
function mergedOptions(request: SearchRequest): SearchOptions {
  const {
    options,
    query_vector,
    query_text,
    vector_weight,
    text_weight,
    fusion_method,
    fusion,
    rrf_k,
    ...flat
  } = request;
  const defined = Object.fromEntries(Object.entries(flat).filter(([, value]) => value !== undefined));
  return { ...options, ...defined };
}

function parseQueryVector(vector: readonly number[] | undefined): readonly number[] | null {
  if (vector === undefined) return null;
  if (vector.length === 0) throw invalidSearch("Query vector cannot be empty", { field: "query_vector" });
  if (vector.length > maxQueryVectorLength) {
    throw invalidSearch(`Query vector dimensions cannot exceed ${maxQueryVectorLength}`, {
      field: "query_vector",
      provided_dimensions: vector.length,
    });
  }
  if (!vector.every((value) => Number.isFinite(value))) {
    throw invalidSearch("Query vector values must be finite numbers", { field: "query_vector" });
  }
  return vector;
}

function parseQueryText(text: string | undefined): string | null {
  if (text === undefined) return null;
  if (text.trim().length === 0) throw invalidSearch("Query text cannot be empty", { field: "query_text" });
  if (text.length > maxQueryTextLength) {
    throw invalidSearch(`Query text cannot exceed ${maxQueryTextLength} characters`, { field: "query_text" });
  }
  return text;
}

function requireQuery(mode: SearchMode, vector: unknown, text: unknown): void {
  switch (mode) {
    case "text":
      if (text === null) throw invalidSearch("Send query_text: text search ranks records by their words");
      return;
    case "vector":
    case "hybrid":
      if (vector === null && text === null) throw invalidSearch("Send query_vector or query_text");
      return;
    default:
      assertNever(mode);
  }
}

function parseMetric(value: string | undefined): MetricType | null {
  if (value === undefined) return null;
  const metric = metricTypes.find((candidate) => candidate === value);
  if (!metric)
    throw invalidSearch(`Unknown metric_type ${value}`, { field: "metric_type", allowed: metricTypes });
  return metric;
}

function parseLanguage(value: string | undefined): string | null {
  if (value === undefined) return null;
  const language = value.toLowerCase();
  if (!/^[a-z]{2}$/.test(language)) throw invalidSearch("language must be an ISO 639-1 code such as en");
  return language;
}

/** Hybrid only (other endpoints ignore the fusion fields): weighted_sum and 0.5/0.5 by default (spec §5.1). */
function parseFusion(request: SearchRequest, mode: SearchMode): SearchPlan["fusion"] {
  const weights = { vector: request.vector_weight ?? 0.5, text: request.text_weight ?? 0.5 };
  if (mode !== "hybrid") return { method: "weighted_sum", weights, rrfK: defaultRrfK };
  validateHybridWeights(weights.vector, weights.text);
  const method = parseFusionMethod(request.fusion_method ?? request.fusion ?? "weighted_sum");
  return { method, weights, rrfK: intInRange("rrf_k", request.rrf_k, 1, 10_000, defaultRrfK) };
}

/** Validates a search request for one endpoint; every failure is INVALID_SEARCH_PARAMS (400). */
export function parseSearchPlan(request: SearchRequest, mode: SearchMode): SearchPlan {
  const options = mergedOptions(request);
  const queryVector = parseQueryVector(request.query_vector);
  const queryText = parseQueryText(request.query_text);
  requireQuery(mode, queryVector, queryText);
  const minScore = numberInRange("min_score", options.min_score ?? options.threshold, 0, 1);
  return {
    queryVector,
    queryText,
    topK: intInRange("top_k", options.top_k, 1, maxTopK, 10),
    offset: intInRange("offset", options.offset, 0, maxOffset, 0),
    minScore,
    maxDistance: numberInRange("max_distance", options.max_distance, 0, Number.MAX_VALUE),
    metric: parseMetric(options.metric_type),
    fields: {
      content: options.include_content ?? true,
      metadata: options.include_metadata ?? true,
      values: options.include_embeddings ?? false,
    },
    filter: options.filters === undefined ? null : parseFilter(options.filters),
    deduplicate: options.deduplicate ?? false,
    groupByDocument: options.group_by_document ?? options.deduplicate_by_document ?? false,
    efSearch: options.ef_search === undefined ? null : intInRange("ef_search", options.ef_search, 1, 1000, 0),
    language: parseLanguage(options.language),
    fusion: parseFusion(request, mode),
  };
}
