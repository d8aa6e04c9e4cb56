import { ExtractionFailure, type TextSegment } from "../types.js";

/** Extracted text with its segments (offsets into `text`, in order, not overlapping). */
export interface SegmentedText {
  readonly text: string;
  readonly segments: readonly TextSegment[];
}

export const EMPTY_DOCUMENT_MESSAGE = "The document contains no text";

/** Throws the "empty" failure unless `text` has something other than whitespace. */
export function assertHasText(text: string): void {
  if (!/\S/.test(text)) throw new ExtractionFailure("empty", EMPTY_DOCUMENT_MESSAGE);
}

export function truncationWarning(maxChars: number): string {
  return `The text was cut at ${maxChars.toLocaleString("en-US")} characters; the rest of the document was not extracted`;
}

/**
 * Cuts `input` at `maxChars` (never inside a surrogate pair): segments past the cut are dropped,
 * the one it falls in is shortened.
 */
export function limitText(
  input: SegmentedText,
  maxChars: number,
): SegmentedText & { readonly truncated: boolean } {
  if (input.text.length <= maxChars) return { ...input, truncated: false };
  const high = input.text.charCodeAt(maxChars - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? maxChars - 1 : maxChars;
  const segments = input.segments
    .filter((segment) => segment.start < cut)
    .map((segment) => (segment.end > cut ? { ...segment, end: cut } : segment));
  return { text: input.text.slice(0, cut), segments, truncated: true };
}
