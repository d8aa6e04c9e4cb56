import { upperBound } from "../text/sorted-offsets.js";

/**
 * Ranges a chunk should neither end nor start inside (fenced code blocks that fit in one chunk).
 * Ascending and non-overlapping.
 */
export interface KeptRanges {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

export const noKeptRanges: KeptRanges = { starts: [], ends: [] };

/** The kept range strictly around `pos` (start < pos < end), if any. */
export function keptRangeAround(ranges: KeptRanges, pos: number): { start: number; end: number } | undefined {
  const i = upperBound(ranges.starts, pos - 1) - 1;
  const start = ranges.starts[i];
  const end = ranges.ends[i];
  if (start === undefined || end === undefined) return undefined;
  return start < pos && pos < end ? { start, end } : undefined;
}

/** The kept range that starts exactly at `pos`, if any. */
export function keptRangeStartingAt(
  ranges: KeptRanges,
  pos: number,
): { start: number; end: number } | undefined {
  const i = upperBound(ranges.starts, pos) - 1;
  const start = ranges.starts[i];
  const end = ranges.ends[i];
  return start === pos && end !== undefined ? { start, end } : undefined;
}
