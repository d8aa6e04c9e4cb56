import type { DocumentChunk } from "@tributary/contracts";
/**
 * Pure helpers for the document page's text: where a cited range falls, and where personal data
 * sits in a chunk. The server stores how many findings of each type a chunk has, never where they
 * are (the values must not be stored), so the kinds with a recognisable shape are found again here,
 * and only in chunks where the server counted that kind.
 */

export interface TextRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** `start-end` from the URL (`?range=120-340`); anything else is null. */
export function parseRange(raw: string | undefined): TextRange | null {
  const match = raw?.match(/^(\d{1,10})-(\d{1,10})$/);
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return end > start ? { start, end } : null;
}

interface ChunkSpan {
  readonly id: string;
  readonly start_offset: number;
  readonly end_offset: number;
}

/**
 * The chunk to show a range in. Chunks overlap, so a range can lie in two: prefer the chunk the
 * link names, else the first that contains the range's start.
 */
export function chunkForRange<T extends ChunkSpan>(
  chunks: readonly T[],
  range: TextRange,
  preferredChunkId?: string,
): T | undefined {
  const overlaps = (chunk: T) => chunk.start_offset < range.end && range.start < chunk.end_offset;
  const preferred = chunks.find((chunk) => chunk.id === preferredChunkId);
  if (preferred && overlaps(preferred)) return preferred;
  return chunks.find((chunk) => chunk.start_offset <= range.start && range.start < chunk.end_offset);
}

/** The part of `range` (document offsets) inside the chunk, as offsets into the chunk's content. */
export function rangeInChunk(chunk: ChunkSpan, range: TextRange): TextRange | null {
  const start = Math.max(range.start, chunk.start_offset) - chunk.start_offset;
  const end = Math.min(range.end, chunk.end_offset) - chunk.start_offset;
  return end > start ? { start, end } : null;
}

export interface PiiSpan extends TextRange {
  readonly type: string;
  /** A `[REDACTED:TYPE]` tag the server put in place of the value. */
  readonly redacted: boolean;
}

const piiPatterns: Readonly<Record<string, RegExp>> = {
  EMAIL_ADDRESS: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
  US_SSN: /\b\d{3}-\d{2}-\d{4}\b/g,
  CREDIT_CARD: /\b\d(?:[ -]?\d){12,18}\b/g,
  IBAN: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g,
  IP_ADDRESS: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g,
  PHONE_NUMBER: /(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}[ .-]\d{3,4}(?:[ .-]\d{2,4})?\b/g,
};

const redactedTag = /\[REDACTED:([A-Z_]+)\]/g;

/** Names of the PII kinds, for labels. */
export const piiTypeLabels: Readonly<Record<string, string>> = {
  CREDIT_CARD: "credit card number",
  US_SSN: "US social security number",
  EMAIL_ADDRESS: "email address",
  PHONE_NUMBER: "phone number",
  IBAN: "IBAN",
  IP_ADDRESS: "IP address",
  PERSON: "person's name",
  LOCATION: "location",
};

export function piiLabel(type: string): string {
  return piiTypeLabels[type] ?? type.toLowerCase().replaceAll("_", " ");
}

/**
 * Spans of personal data in `text`: every redaction tag, plus values of the `types` the server
 * counted that have a recognisable shape. Sorted, never overlapping (the first found wins).
 */
export function findPiiSpans(text: string, types: readonly string[]): PiiSpan[] {
  const found: PiiSpan[] = [];
  for (const match of text.matchAll(redactedTag)) {
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      type: match[1] ?? "PII",
      redacted: true,
    });
  }
  for (const type of types) {
    const pattern = piiPatterns[type];
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      found.push({ start: match.index, end: match.index + match[0].length, type, redacted: false });
    }
  }
  return withoutOverlaps(found);
}

/** Spans sorted by start, a span overlapping an earlier (or longer, at the same start) one dropped. */
function withoutOverlaps(found: PiiSpan[]): PiiSpan[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: PiiSpan[] = [];
  for (const span of found) {
    const last = spans.at(-1);
    if (!last || span.start >= last.end) spans.push(span);
  }
  return spans;
}

/** A chunk's PII types with a count above zero. */
export function piiTypesOf(chunk: Pick<DocumentChunk, "pii_counts">): string[] {
  return Object.entries(chunk.pii_counts)
    .filter(([, count]) => count > 0)
    .map(([type]) => type);
}

/**
 * Where personal data lies in a chunk's text: the server's findings (names and places included)
 * when it kept them, else what can be found again here (chunks processed before the server kept
 * findings: redaction tags and the pattern types only).
 */
export function piiSpansOf(chunk: Pick<DocumentChunk, "content" | "pii_counts" | "pii_findings">): PiiSpan[] {
  const findings = chunk.pii_findings ?? [];
  if (findings.length === 0) return findPiiSpans(chunk.content, piiTypesOf(chunk));
  const found = findings
    .filter((finding) => finding.start < finding.end && finding.end <= chunk.content.length)
    .map((finding) => ({
      start: finding.start,
      end: finding.end,
      type: finding.type,
      redacted: /^\[REDACTED:[A-Z_]+\]$/.test(chunk.content.slice(finding.start, finding.end)),
    }));
  return withoutOverlaps(found);
}

/** Whether a chunk counts names or places that cannot be marked (no server findings for it). */
export function hasUnmarkablePii(chunk: Pick<DocumentChunk, "pii_counts" | "pii_findings">): boolean {
  if ((chunk.pii_findings ?? []).length > 0) return false;
  return piiTypesOf(chunk).some((type) => type === "PERSON" || type === "LOCATION");
}

export interface TextPiece {
  readonly text: string;
  readonly pii: PiiSpan | null;
  readonly highlighted: boolean;
}

/**
 * Cuts `text` at PII spans and the highlight's edges, so each piece is drawn one way; the
 * highlighted pieces are consecutive, for one `<mark>` around them.
 */
export function splitText(text: string, spans: readonly PiiSpan[], highlight: TextRange | null): TextPiece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const span of spans) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  if (highlight) {
    cuts.add(Math.max(0, Math.min(text.length, highlight.start)));
    cuts.add(Math.max(0, Math.min(text.length, highlight.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: TextPiece[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    if (end <= start) continue;
    pieces.push({
      text: text.slice(start, end),
      pii: spans.find((span) => span.start <= start && end <= span.end) ?? null,
      highlighted: highlight !== null && highlight.start <= start && end <= highlight.end,
    });
  }
  return pieces;
}
