/**
 * Typed URL search parameters of each page. They live in the URL so links are shareable and a
 * reload keeps the page's state; each parser accepts anything and keeps only what it understands.
 */
type Raw = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.length > 0
    ? value
    : typeof value === "number"
      ? String(value)
      : undefined;

export interface SignInSearch {
  readonly redirect?: string | undefined;
}
export const parseSignInSearch = (raw: Raw): SignInSearch => ({
  redirect: sameOriginPath(text(raw.redirect)),
});

export interface TokenSearch {
  /** The single-use token of an emailed link. */
  readonly token?: string | undefined;
}
export const parseTokenSearch = (raw: Raw): TokenSearch => ({ token: text(raw.token) });

export interface KnowledgeSearch {
  readonly notebook?: string | undefined;
}
export const parseKnowledgeSearch = (raw: Raw): KnowledgeSearch => ({ notebook: text(raw.notebook) });

export interface DocumentSearch {
  /** A chunk to scroll to and highlight (citations link here). */
  readonly chunk?: string | undefined;
  /** A character range of the document's text to highlight, `start-end`. */
  readonly range?: string | undefined;
}
export const parseDocumentSearch = (raw: Raw): DocumentSearch => ({
  chunk: text(raw.chunk),
  range: text(raw.range),
});

export interface FindSearch {
  readonly q?: string | undefined;
  readonly mode?: "hybrid" | "vector" | "text" | undefined;
}
export const parseFindSearch = (raw: Raw): FindSearch => ({
  q: text(raw.q),
  mode: raw.mode === "vector" || raw.mode === "text" || raw.mode === "hybrid" ? raw.mode : undefined,
});

export interface UsageSearch {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly group?: string | undefined;
}
export const parseUsageSearch = (raw: Raw): UsageSearch => ({
  from: text(raw.from),
  to: text(raw.to),
  group: text(raw.group),
});

/** Only same-origin relative paths: a redirect parameter must never send the user to another site. */
export function sameOriginPath(path: string | undefined): string | undefined {
  if (!path?.startsWith("/") || path.startsWith("//") || path.includes("\\")) return undefined;
  return path;
}
