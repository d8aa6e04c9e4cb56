import { parseMarkdownOutline } from "../markdown/outline.js";
import { groupSections, headingPathWithin } from "../markdown/section-groups.js";
import { sectionsFromHeadings, sectionsFromSegments } from "../markdown/sections.js";
import type { KeptRanges } from "../pack/kept-ranges.js";
import { packRange } from "../pack/pack-range.js";
import { trimWhitespaceBefore } from "../text/characters.js";
import { splitLines } from "../text/lines.js";
import { splitParagraphs } from "../text/paragraphs.js";
import { splitSentences } from "../text/sentences.js";
import type { StrategyContext } from "./strategy-context.js";

/**
 * Heading-aware chunks. Sections come from the text's Markdown headings, or, when it has none, from
 * the segments' heading paths (DOCX, HTML). Chunks stay inside a section group (see groupSections),
 * so overlap never crosses into another section; within it they end at section, then block
 * (paragraph, fenced code), then sentence, then line boundaries. A fenced code block that fits in a
 * chunk is never cut. Every chunk carries the heading path it lies under; nothing is prefixed to
 * the content.
 */
export function chunkMarkdown({ text, segments, limits, sink }: StrategyContext): void {
  const outline = parseMarkdownOutline(text);
  const sections =
    outline.headings.length > 0
      ? sectionsFromHeadings(text, outline.headings)
      : sectionsFromSegments(text, segments);
  const groups = groupSections(text, sections, limits.maxChunkSize);
  const fences = outline.fences.map(({ start, end }) => ({
    start,
    end: trimWhitespaceBefore(text, start, end),
  }));
  const sentences = splitSentences(text);
  const lines = splitLines(text);
  const blockEnds = markdownBlockEnds(text, fences, outline.headings);
  const keptRanges: KeptRanges = {
    starts: fences.filter((f) => f.end - f.start <= limits.maxChunkSize).map((f) => f.start),
    ends: fences.filter((f) => f.end - f.start <= limits.maxChunkSize).map((f) => f.end),
  };
  for (const group of groups) {
    const sectionEnds = group.sections.map(({ start, end }) => trimWhitespaceBefore(text, start, end));
    const packed = packRange(
      text,
      group.start,
      group.end,
      limits,
      {
        endLevels: [sectionEnds, blockEnds, sentences.ends, lines.ends],
        startLevels: [sentences.starts],
        keptRanges,
      },
      sink,
      (start, end) => headingPathWithin(group, start, end),
    );
    if (!packed) return;
  }
}

/**
 * Where Markdown blocks end: paragraphs (except inside fences, where blank lines are code), fenced
 * code blocks, the text before a fence, and heading lines.
 */
function markdownBlockEnds(
  text: string,
  fences: ReadonlyArray<{ start: number; end: number }>,
  headings: ReadonlyArray<{ start: number; end: number }>,
): number[] {
  const ends: number[] = [];
  let fence = 0;
  for (const end of splitParagraphs(text).ends) {
    while (fence < fences.length && (fences[fence]?.end ?? 0) < end) fence++;
    const around = fences[fence];
    if (around === undefined || !(around.start < end && end < around.end)) ends.push(end);
  }
  for (const { start, end } of fences) {
    ends.push(end);
    const before = trimWhitespaceBefore(text, 0, start);
    if (before > 0) ends.push(before);
  }
  for (const { start, end } of headings) ends.push(trimWhitespaceBefore(text, start, end));
  ends.sort((a, b) => a - b);
  return ends.filter((end, i) => end > 0 && end !== ends[i - 1]);
}
