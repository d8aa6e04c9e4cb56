import type { TextSegment } from "../types.js";

/**
 * What is wrong with a result's segments, in words (empty when nothing is): each must lie inside
 * the text, be non-empty, and come after the previous one without overlapping it. Tests assert
 * on it; callers may use it to guard output from a new extractor.
 */
export function segmentProblems(text: string, segments: readonly TextSegment[]): string[] {
  const problems: string[] = [];
  let previousEnd = 0;
  segments.forEach((segment, index) => {
    if (!Number.isInteger(segment.start) || !Number.isInteger(segment.end)) {
      problems.push(`segment ${index} has non-integer offsets`);
    }
    if (segment.start < previousEnd) problems.push(`segment ${index} starts before the previous one ends`);
    if (segment.end <= segment.start) problems.push(`segment ${index} is empty or reversed`);
    if (segment.end > text.length) problems.push(`segment ${index} ends past the text`);
    previousEnd = segment.end;
  });
  return problems;
}
