import {
  isCjkBreakable,
  isHighSurrogate,
  isLowSurrogate,
  isWhitespace,
  trimWhitespaceBefore,
} from "./characters.js";

/**
 * Where a chunk may end or start when no sentence or paragraph boundary is available: at a word
 * boundary, else a break opportunity inside a long token or CJK run, else between graphemes, else
 * (a grapheme longer than the chunk) between code points. All scans are bounded by the chunk size.
 */

/** How far the fallbacks look for a break inside an unbroken run. */
const BREAK_SEARCH_SPAN = 64;
const GRAPHEME_SEARCH_SPAN = 32;

// ICU is exact but costs ~70 µs per call, so it only settles the cases the cheap rules cannot.
const graphemeSegmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Largest p in (lo, limit] that ends a word: whitespace or the range end follows it. */
export function findWordEnd(text: string, lo: number, limit: number, rangeEnd: number): number | undefined {
  for (let q = limit; q > lo; q--) {
    if (q === rangeEnd || isWhitespace(text.charCodeAt(q))) {
      const end = trimWhitespaceBefore(text, lo, q);
      if (end > lo) return end;
      return undefined;
    }
  }
  return undefined;
}

/** Smallest s in [atLeast, below) that starts a word: whitespace or the range start precedes it. */
export function findWordStart(
  text: string,
  atLeast: number,
  below: number,
  rangeStart: number,
): number | undefined {
  for (let s = atLeast; s < below; s++) {
    if (isWhitespace(text.charCodeAt(s))) continue;
    if (s === rangeStart || isWhitespace(text.charCodeAt(s - 1))) return s;
  }
  return undefined;
}

/**
 * A chunk end in (lo, limit] inside an unbroken run, never just after whitespace when avoidable;
 * always returns a position in that interval.
 */
export function findForcedEnd(text: string, lo: number, limit: number): number {
  const endsContent = (p: number): boolean => !isWhitespace(text.charCodeAt(p - 1));
  const breakFloor = Math.max(lo + 1, limit - BREAK_SEARCH_SPAN);
  for (let p = limit; p >= breakFloor; p--) if (isBreakOpportunity(text, p)) return p;
  const graphemeFloor = Math.max(lo + 1, limit - GRAPHEME_SEARCH_SPAN);
  for (let p = limit; p >= graphemeFloor; p--) {
    if (endsContent(p) && cheapGraphemeBoundary(text, p) === true) return p;
  }
  const boundaries = graphemeBoundariesNear(text, Math.max(lo, limit - GRAPHEME_SEARCH_SPAN), limit);
  for (let i = boundaries.length - 1; i >= 0; i--) {
    const b = boundaries[i];
    if (b !== undefined && b > lo && b <= limit && endsContent(b)) return b;
  }
  const trimmed = trimWhitespaceBefore(text, lo, limit);
  if (trimmed > lo) return splitsSurrogatePair(text, trimmed) && trimmed - 1 > lo ? trimmed - 1 : trimmed;
  // A grapheme longer than the chunk: keep at least surrogate pairs whole when there is room.
  if (splitsSurrogatePair(text, limit) && limit - 1 > lo) return limit - 1;
  return limit;
}

/** A chunk start in [atLeast, below) inside an unbroken run, or undefined when none fits. */
export function findForcedStart(text: string, atLeast: number, below: number): number | undefined {
  const breakCeiling = Math.min(below - 1, atLeast + BREAK_SEARCH_SPAN);
  for (let s = atLeast; s <= breakCeiling; s++) if (isBreakOpportunity(text, s)) return s;
  const graphemeCeiling = Math.min(below - 1, atLeast + GRAPHEME_SEARCH_SPAN);
  const startsContent = (s: number): boolean => !isWhitespace(text.charCodeAt(s));
  for (let s = atLeast; s <= graphemeCeiling; s++) {
    if (startsContent(s) && cheapGraphemeBoundary(text, s) === true) return s;
  }
  for (const b of graphemeBoundariesNear(text, atLeast, Math.min(below, atLeast + GRAPHEME_SEARCH_SPAN))) {
    if (b >= atLeast && b < below && startsContent(b)) return b;
  }
  return undefined;
}

export function splitsSurrogatePair(text: string, pos: number): boolean {
  return isHighSurrogate(text.charCodeAt(pos - 1)) && isLowSurrogate(text.charCodeAt(pos));
}

/** Cheap line-break rule: inside CJK runs, or after punctuation that joins parts of a long token (URLs, paths). */
function isBreakOpportunity(text: string, p: number): boolean {
  if (p <= 0 || p >= text.length) return false;
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  if (isWhitespace(before) || isWhitespace(after)) return false;
  if (cheapGraphemeBoundary(text, p) !== true) return false;
  if (isCjkBreakable(before) || isCjkBreakable(after)) return true;
  return JOINING_PUNCTUATION.has(before) && !JOINING_PUNCTUATION.has(after);
}

const JOINING_PUNCTUATION = new Set(Array.from("-/,;?&=)]}|\\_", (c) => c.charCodeAt(0)));

/** True: certainly a grapheme boundary; false: certainly not; undefined: ask ICU. */
function cheapGraphemeBoundary(text: string, p: number): boolean | undefined {
  if (p <= 0 || p >= text.length) return true;
  const before = text.charCodeAt(p - 1);
  const after = text.charCodeAt(p);
  if (before === 13 && after === 10) return false;
  if (isHighSurrogate(before) && isLowSurrogate(after)) return false;
  // Nothing below U+0300 extends a grapheme (ZWJ, marks and selectors all lie above it).
  if (after < 0x300) return true;
  if (isCjkBreakable(after)) return true;
  return undefined;
}

/** Grapheme boundaries in [from, to], ascending, using a little context on both sides. */
function graphemeBoundariesNear(text: string, from: number, to: number): number[] {
  const windowStart = Math.max(0, from - GRAPHEME_SEARCH_SPAN);
  const windowEnd = Math.min(text.length, to + GRAPHEME_SEARCH_SPAN);
  const boundaries: number[] = [];
  for (const { index } of graphemeSegmenter.segment(text.slice(windowStart, windowEnd))) {
    const b = windowStart + index;
    if (b >= from && b <= to && b > windowStart) boundaries.push(b);
  }
  return boundaries;
}
