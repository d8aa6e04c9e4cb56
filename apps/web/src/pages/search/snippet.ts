/** A piece of a snippet, marked when it is one of the query's words. */
export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

/** The query's words worth highlighting: two characters or more, each once. */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)];
}

/**
 * A window of at most `max` characters of a passage, around the first query word in it (passages
 * run to a thousand characters or more; the user needs the part that matched), cut at spaces.
 */
export function snippetOf(content: string, terms: readonly string[], max = 320): string {
  const text = content.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const lower = text.toLowerCase();
  const first = Math.min(
    ...terms.map((term) => lower.indexOf(term)).filter((at) => at >= 0),
    Number.POSITIVE_INFINITY,
  );
  let start = Number.isFinite(first) ? Math.max(0, first - Math.floor(max / 3)) : 0;
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return `${start > 0 ? "…" : ""}${text.slice(start, end)}${end < text.length ? "…" : ""}`;
}

/** Splits a snippet into runs, marking where the query's words occur (case-insensitive). */
export function highlightTerms(text: string, terms: readonly string[]): SnippetPart[] {
  if (terms.length === 0) return text ? [{ text, match: false }] : [];
  const escaped = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})`, "giu");
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** Each part with where it starts in the snippet: a stable React key. */
export function withOffsets(parts: readonly SnippetPart[]): Array<SnippetPart & { readonly at: number }> {
  let at = 0;
  return parts.map((part) => {
    const start = at;
    at += part.text.length;
    return { ...part, at: start };
  });
}
