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

/**
 * Refuses text with a line longer than `maxLineChars`: one 50 MB line is minified data or a binary
 * read as text, and chunking it would only produce noise.
 */
export function assertLinesWithin(text: string, maxLineChars: number): void {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > maxLineChars) {
      throw new ExtractionFailure(
        "too_large",
        `Line ${line.toLocaleString("en-US")} is longer than ${maxLineChars.toLocaleString("en-US")} characters: ` +
          "this looks like a data dump rather than a text document. Split it into lines, or ask an admin " +
          "to raise EXTRACTION_MAX_LINE_CHARS.",
      );
    }
    start = stop + 1;
    line += 1;
  }
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
