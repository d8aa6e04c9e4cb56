export interface SearchFilter {
  /** A `to_tsquery('simple', …)` text of prefix terms, or null when the query has no words. */
  readonly tsquery: string | null;
  /** An ILIKE pattern over the name (escaped), or null when there is no query. */
  readonly pattern: string | null;
}

/**
 * `q=` as SQL parameters: every word must match a word of the name, description or tags by prefix
 * (the GIN-indexed `search_tsv`), or the whole query must occur in the name (trigram-indexed ILIKE,
 * which also finds `report.pdf`, mid-word fragments and queries without letters or digits).
 */
export function searchFilter(q: string | undefined): SearchFilter {
  if (q === undefined || q.length === 0) return { tsquery: null, pattern: null };
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return {
    tsquery: words.length > 0 ? words.map((word) => `${word}:*`).join(" & ") : null,
    pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
  };
}

/** The SQL condition for a search over `alias` with the tsquery and pattern at `$t` and `$p`. */
export function searchCondition(alias: string, tsqueryParam: number, patternParam: number): string {
  return `($${patternParam}::text IS NULL
    OR ($${tsqueryParam}::text IS NOT NULL AND ${alias}.search_tsv @@ to_tsquery('simple', $${tsqueryParam}::text))
    OR ${alias}.name ILIKE $${patternParam}::text)`;
}
