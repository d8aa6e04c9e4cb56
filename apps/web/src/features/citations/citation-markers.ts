import type { AssistantCitation } from "@tributary/contracts";

/** A piece of an answer: plain text, or an `[n]` marker that points at one of the answer's citations. */
export type AnswerSegment =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "citation"; readonly marker: string; readonly citation: AssistantCitation };

/** The assistant cites as `[n]` (the server keeps only markers whose quote it verified). */
const markerPattern = /\[(\d{1,4})\]/g;

/**
 * Splits an answer into text and citation markers. A marker becomes a citation only when the
 * answer carries a citation with that number; any other `[n]` (a marker of a passage whose quote
 * did not verify, a streamed marker whose citations have not arrived yet, or a bracketed number that
 * is simply part of the text) stays text, so nothing links to a passage that was not verified.
 */
export function parseCitedAnswer(answer: string, citations: readonly AssistantCitation[]): AnswerSegment[] {
  const byIndex = new Map(citations.map((citation) => [citation.index, citation]));
  const segments: AnswerSegment[] = [];
  let text = "";
  let last = 0;
  for (const match of answer.matchAll(markerPattern)) {
    const citation = byIndex.get(Number(match[1]));
    if (!citation) continue;
    text += answer.slice(last, match.index);
    if (text) segments.push({ kind: "text", text });
    text = "";
    segments.push({ kind: "citation", marker: match[0], citation });
    last = match.index + match[0].length;
  }
  text += answer.slice(last);
  if (text) segments.push({ kind: "text", text });
  return segments;
}

/** Each segment with where it starts in the answer: a stable React key (a citation may recur). */
export function withOffsets(
  segments: readonly AnswerSegment[],
): Array<AnswerSegment & { readonly at: number }> {
  let at = 0;
  return segments.map((segment) => {
    const start = at;
    at += segment.kind === "text" ? segment.text.length : segment.marker.length;
    return { ...segment, at: start };
  });
}

/** Where a citation opens: its document, scrolled to the chunk, the quote's characters highlighted. */
export interface CitationTarget {
  readonly documentId: string;
  readonly search: { readonly chunk: string; readonly range?: string };
}

export function citationTarget(citation: AssistantCitation): CitationTarget {
  const { start_offset: start, end_offset: end } = citation;
  const hasRange = start !== null && end !== null && end > start;
  return {
    documentId: citation.document_id,
    search: hasRange ? { chunk: citation.chunk_id, range: `${start}-${end}` } : { chunk: citation.chunk_id },
  };
}

/** The accessible name of a marker: screen readers hear where it leads, not just "[1]". */
export function citationLabel(citation: AssistantCitation): string {
  return `Citation ${citation.index}: ${citation.document_name}`;
}
