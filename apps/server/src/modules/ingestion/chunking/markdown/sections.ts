import type { TextSegment } from "../../extraction/types.js";
import type { MarkdownHeading } from "./outline.js";

/** A heading and everything up to the next heading of any level; sections tile the whole text. */
export interface MarkdownSection {
  readonly start: number;
  readonly end: number;
  /** Enclosing headings, outermost first; empty before the first heading. */
  readonly path: readonly string[];
}

/** Sections from the Markdown headings found in the text itself. */
export function sectionsFromHeadings(text: string, headings: readonly MarkdownHeading[]): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  const first = headings[0];
  if (first === undefined) return [{ start: 0, end: text.length, path: [] }];
  if (first.start > 0) sections.push({ start: 0, end: first.start, path: [] });
  const open: MarkdownHeading[] = [];
  headings.forEach((heading, i) => {
    while ((open.at(-1)?.level ?? 0) >= heading.level) open.pop();
    open.push(heading);
    sections.push({
      start: heading.start,
      end: headings[i + 1]?.start ?? text.length,
      path: open.map((h) => h.title),
    });
  });
  return sections;
}

/**
 * Sections from the extractor's heading paths, for text whose headings are no longer Markdown
 * (DOCX, HTML, ODT): a new section starts wherever the path changes. Segments without a path
 * continue the current section.
 */
export function sectionsFromSegments(text: string, segments: readonly TextSegment[]): MarkdownSection[] {
  const sections: MarkdownSection[] = [];
  let start = 0;
  let path: readonly string[] = [];
  for (const segment of segments) {
    const segmentPath = segment.headingPath;
    if (segmentPath === undefined || samePath(segmentPath, path)) continue;
    if (segment.start > start) sections.push({ start, end: segment.start, path });
    start = Math.min(segment.start, text.length);
    path = segmentPath;
  }
  sections.push({ start, end: text.length, path });
  return sections;
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((title, i) => title === b[i]);
}

/** True when `path` lies under `ancestor` (or is it). */
export function isWithin(path: readonly string[], ancestor: readonly string[]): boolean {
  return ancestor.length <= path.length && ancestor.every((title, i) => title === path[i]);
}

export function commonPath(a: readonly string[], b: readonly string[]): readonly string[] {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n === a.length ? a : a.slice(0, n);
}
