import type { SpaceSearchRequestBody } from "@tributary/contracts";

export type SearchMode = "hybrid" | "vector" | "text";

/** The narrowing a user can set beside the query; empty strings mean "not set". */
export interface SearchFilters {
  readonly notebookId: string;
  /** Comma-separated tags: documents with any of them. */
  readonly tags: string;
  /** `YYYY-MM-DD` days, both inclusive, in the user's time zone. */
  readonly indexedFrom: string;
  readonly indexedTo: string;
  readonly topK: number;
  /** 0–1 as typed; applied to each retriever's score before fusion. */
  readonly minScore: string;
}

export const noFilters: SearchFilters = {
  notebookId: "",
  tags: "",
  indexedFrom: "",
  indexedTo: "",
  topK: 10,
  minScore: "",
};

export const searchModes: ReadonlyArray<{ value: SearchMode; label: string; description: string }> = [
  { value: "hybrid", label: "Hybrid", description: "Meaning and exact words, ranks fused (best default)" },
  { value: "vector", label: "Vector", description: "Similar meaning only (embeddings)" },
  { value: "text", label: "Text", description: "Exact words only (full-text)" },
];

/** Why the filters cannot be sent, keyed by filter, or an empty object when they can. */
export function filterErrors(filters: SearchFilters): Partial<Record<keyof SearchFilters, string>> {
  const errors: Partial<Record<keyof SearchFilters, string>> = {};
  if (filters.indexedFrom && filters.indexedTo && filters.indexedFrom > filters.indexedTo) {
    errors.indexedTo = "Must be on or after the start date";
  }
  if (filters.minScore) {
    const value = Number(filters.minScore);
    if (!Number.isFinite(value) || value < 0 || value > 1) errors.minScore = "A number from 0 to 1";
  }
  return errors;
}

export function tagsOf(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()))].filter(Boolean);
}

/** Local midnight of a `YYYY-MM-DD` day, `days` later, as an ISO timestamp. */
export function startOfDay(day: string, days = 0): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, (date ?? 1) + days).toISOString();
}

/**
 * The body of `POST /api/v1/search`: only the filters that are set. Re-ranked by sentence where
 * the server has the sentence vectors at hand (`auto`).
 */
export function toSearchRequest(
  query: string,
  mode: SearchMode,
  filters: SearchFilters,
): SpaceSearchRequestBody {
  const tags = tagsOf(filters.tags);
  return {
    query,
    search_mode: mode,
    top_k: filters.topK,
    rerank: "auto",
    ...(filters.notebookId ? { notebook_ids: [filters.notebookId] } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(filters.indexedFrom ? { created_after: startOfDay(filters.indexedFrom) } : {}),
    // The API's bound is exclusive; the user's "to" day is inclusive.
    ...(filters.indexedTo ? { created_before: startOfDay(filters.indexedTo, 1) } : {}),
    ...(filters.minScore ? { min_score: Number(filters.minScore) } : {}),
  };
}

/** How many filters differ from the defaults (shown on the collapsed filter panel). */
export function activeFilterCount(filters: SearchFilters): number {
  return [
    filters.notebookId,
    tagsOf(filters.tags).length > 0,
    filters.indexedFrom,
    filters.indexedTo,
    filters.topK !== noFilters.topK,
    filters.minScore,
  ].filter(Boolean).length;
}
