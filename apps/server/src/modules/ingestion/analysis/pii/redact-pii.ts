import type { PiiEntityType, PiiFinding } from "./types.js";

/**
 * `tag`: each finding becomes `[REDACTED:<TYPE>]`.
 * `mask`: each character of a finding becomes `*`, so offsets stay valid in the redacted text.
 */
export type RedactionStyle = "tag" | "mask";

export interface Replacement {
  readonly type: PiiEntityType;
  /** Span in the original text. */
  readonly start: number;
  readonly end: number;
  /** Span of the replacement in the redacted text. */
  readonly redactedStart: number;
  readonly redactedEnd: number;
}

export interface RedactionResult {
  readonly text: string;
  /** One per applied finding, in order. */
  readonly replacements: readonly Replacement[];
  /**
   * Maps an offset in the original text to the redacted text. Offsets inside a replaced span map
   * to the start of its replacement; an end offset (exclusive) of a span maps past it.
   */
  toRedactedOffset(offset: number): number;
}

export function redactionFor(type: PiiEntityType, length: number, style: RedactionStyle): string {
  switch (style) {
    case "tag":
      return `[REDACTED:${type}]`;
    case "mask":
      return "*".repeat(length);
  }
}

/**
 * Replaces each finding in `text`. Findings may come in any order; any that overlap an earlier
 * applied one are skipped (detectPii never returns overlaps), as are spans outside the text.
 */
export function redactPii(
  text: string,
  findings: readonly PiiFinding[],
  style: RedactionStyle = "tag",
): RedactionResult {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let cursor = 0;
  let redactedLength = 0;
  for (const finding of ordered) {
    if (finding.start < cursor || finding.end > text.length || finding.end <= finding.start) continue;
    const kept = text.slice(cursor, finding.start);
    const replacement = redactionFor(finding.type, finding.end - finding.start, style);
    parts.push(kept, replacement);
    redactedLength += kept.length;
    replacements.push({
      type: finding.type,
      start: finding.start,
      end: finding.end,
      redactedStart: redactedLength,
      redactedEnd: redactedLength + replacement.length,
    });
    redactedLength += replacement.length;
    cursor = finding.end;
  }
  parts.push(text.slice(cursor));
  return {
    text: parts.join(""),
    replacements,
    toRedactedOffset: (offset) => toRedactedOffset(replacements, offset),
  };
}

/** Binary search for the last replacement starting before `offset`, then shift by the length delta. */
function toRedactedOffset(replacements: readonly Replacement[], offset: number): number {
  let low = 0;
  let high = replacements.length - 1;
  let last: Replacement | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = replacements[mid];
    if (candidate && candidate.start < offset) {
      last = candidate;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (!last) return offset;
  if (offset < last.end) return last.redactedStart;
  return last.redactedEnd + (offset - last.end);
}
