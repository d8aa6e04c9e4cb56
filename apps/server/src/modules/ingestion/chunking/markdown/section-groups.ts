import { skipWhitespace, trimWhitespaceBefore } from "../text/characters.js";
import { commonPath, isWithin, type MarkdownSection } from "./sections.js";

/** Consecutive sections chunked together; chunks never cross a group's edge. */
export interface SectionGroup {
  readonly start: number;
  readonly end: number;
  readonly sections: readonly MarkdownSection[];
}

/** A section shorter than this share of `maxChunkSize` is small enough to share a chunk. */
const SMALL_SECTION = 0.25;

/**
 * Groups sections so that a chunk never spans two headings unless a section is small:
 * - small siblings (same parent heading) and a small section followed by its own subsections are
 *   merged while they fit in one chunk, so a run of short FAQ-like sections is not a run of tiny chunks;
 * - a small section followed by its first subsection is merged even when that subsection is big, so a
 *   heading with no text of its own ("# Guide" then "## Install ...") leads its first chunk instead of
 *   standing alone.
 */
export function groupSections(
  text: string,
  sections: readonly MarkdownSection[],
  maxChunkSize: number,
): SectionGroup[] {
  const small = Math.floor(maxChunkSize * SMALL_SECTION);
  const groups: SectionGroup[] = [];
  let members: MarkdownSection[] = [];
  const flush = (): void => {
    const first = members[0];
    const last = members.at(-1);
    if (first !== undefined && last !== undefined) {
      groups.push({ start: first.start, end: last.end, sections: members });
    }
    members = [];
  };
  for (const section of sections) {
    const first = members[0];
    const last = members.at(-1);
    if (first === undefined || last === undefined) {
      members.push(section);
      continue;
    }
    const related =
      isWithin(section.path, first.path) || samePathPrefix(parentOf(section.path), parentOf(first.path));
    const groupLength = contentLength(text, first.start, last.end);
    const sectionLength = contentLength(text, section.start, section.end);
    const combined = contentLength(text, first.start, section.end);
    const fits = combined <= maxChunkSize && (groupLength <= small || sectionLength <= small);
    const headsItsChild =
      groupLength <= small && section.path.length > last.path.length && isWithin(section.path, last.path);
    if (related && (fits || headsItsChild)) members.push(section);
    else {
      flush();
      members.push(section);
    }
  }
  flush();
  return groups;
}

/** The heading path shared by every section of `group` that [start, end) overlaps. */
export function headingPathWithin(group: SectionGroup, start: number, end: number): readonly string[] {
  let path: readonly string[] | undefined;
  for (const section of group.sections) {
    if (section.end <= start || section.start >= end) continue;
    path = path === undefined ? section.path : commonPath(path, section.path);
  }
  return path ?? [];
}

function parentOf(path: readonly string[]): readonly string[] {
  return path.slice(0, -1);
}

function samePathPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && isWithin(a, b);
}

function contentLength(text: string, from: number, to: number): number {
  const start = skipWhitespace(text, from, to);
  return trimWhitespaceBefore(text, start, to) - start;
}
