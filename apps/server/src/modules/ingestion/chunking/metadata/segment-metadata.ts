import type { TextSegment } from "../../extraction/types.js";
import { commonPath } from "../markdown/sections.js";

/** What the segments say about one chunk; fields absent when no overlapped segment has them. */
export interface SegmentFacts {
  page?: number;
  pages?: number[];
  slide?: number;
  slides?: number[];
  sheet?: string;
  sheets?: string[];
  rows?: [number, number];
  heading_path?: readonly string[];
  ocr?: boolean;
}

/**
 * Answers "which pages, slides, sheets, rows and headings does [start, end) touch?" by binary search
 * into the (ordered, non-overlapping) segments, so chunking a long PDF stays linear.
 */
export class SegmentIndex {
  private readonly segments: readonly TextSegment[];
  private readonly ends: readonly number[];

  constructor(segments: readonly TextSegment[]) {
    const nonEmpty = segments.filter((s) => s.end > s.start);
    // The extractor promises order; sorting a copy costs nothing when it holds and keeps us right when not.
    this.segments = isOrdered(nonEmpty) ? nonEmpty : [...nonEmpty].sort((a, b) => a.start - b.start);
    // Running maximum, so the binary search stays a correct lower bound even for overlapping segments.
    let furthest = 0;
    this.ends = this.segments.map((s) => {
      furthest = Math.max(furthest, s.end);
      return furthest;
    });
  }

  factsFor(start: number, end: number): SegmentFacts {
    const pages: number[] = [];
    const slides: number[] = [];
    const sheets: string[] = [];
    let firstRow: number | undefined;
    let lastRow: number | undefined;
    let headingPath: readonly string[] | undefined;
    let ocr = false;
    for (let i = this.firstEndingAfter(start); i < this.segments.length; i++) {
      const segment = this.segments[i];
      if (segment === undefined || segment.start >= end) break;
      if (segment.end <= start) continue;
      if (segment.page !== undefined) pages.push(segment.page);
      if (segment.slide !== undefined) slides.push(segment.slide);
      if (segment.sheet !== undefined && sheets.at(-1) !== segment.sheet) sheets.push(segment.sheet);
      if (segment.row !== undefined) {
        firstRow ??= segment.row;
        lastRow = segment.row;
      }
      if (segment.headingPath !== undefined) {
        headingPath =
          headingPath === undefined ? segment.headingPath : commonPath(headingPath, segment.headingPath);
      }
      if (segment.ocr === true) ocr = true;
    }
    const facts: SegmentFacts = {};
    const distinctPages = distinctAscending(pages);
    if (distinctPages[0] !== undefined) facts.page = distinctPages[0];
    if (distinctPages.length > 1) facts.pages = distinctPages;
    const distinctSlides = distinctAscending(slides);
    if (distinctSlides[0] !== undefined) facts.slide = distinctSlides[0];
    if (distinctSlides.length > 1) facts.slides = distinctSlides;
    const distinctSheets = [...new Set(sheets)];
    if (distinctSheets[0] !== undefined) facts.sheet = distinctSheets[0];
    if (distinctSheets.length > 1) facts.sheets = distinctSheets;
    if (firstRow !== undefined && lastRow !== undefined) facts.rows = [firstRow, lastRow];
    if (headingPath !== undefined && headingPath.length > 0) facts.heading_path = headingPath;
    if (ocr) facts.ocr = true;
    return facts;
  }

  /** Index of the first segment whose end (running maximum) is after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] ?? 0) > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

function isOrdered(segments: readonly TextSegment[]): boolean {
  for (let i = 1; i < segments.length; i++) {
    if ((segments[i]?.start ?? 0) < (segments[i - 1]?.end ?? 0)) return false;
  }
  return true;
}

function distinctAscending(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
