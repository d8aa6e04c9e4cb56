import type { ChunkingLimits } from "../options.js";
import { skipWhitespace, trimWhitespaceBefore } from "../text/characters.js";
import { findForcedEnd, findForcedStart, findWordEnd, findWordStart } from "../text/safe-cuts.js";
import { largestIn, smallestIn } from "../text/sorted-offsets.js";
import type { ChunkSink } from "./chunk-sink.js";
import { type KeptRanges, keptRangeAround, keptRangeStartingAt } from "./kept-ranges.js";

/**
 * How a strategy wants text cut. The packer walks the text once, left to right: each chunk starts
 * where the previous one's overlap begins and ends at the best boundary within `maxChunkSize`.
 */
export interface PackPlan {
  /** Offsets where a chunk may end, ascending; earlier levels are preferred (paragraphs, then sentences...). */
  readonly endLevels: readonly (readonly number[])[];
  /** Offsets where an overlap may begin (sentence starts), ascending; earlier levels preferred. */
  readonly startLevels: readonly (readonly number[])[];
  /** Ranges not to cut when they fit in a chunk (fenced code). */
  readonly keptRanges: KeptRanges;
  /** A strategy's own end choice (semantic); undefined falls back to the levels. */
  readonly chooseEnd?: (window: EndWindow) => number | undefined;
}

/** The choice a chunk end is made in: any offset in (after, limit]. */
export interface EndWindow {
  readonly start: number;
  /** The previous chunk's end: every chunk must reach past it. */
  readonly after: number;
  /** start + maxChunkSize, capped at the range end. */
  readonly limit: number;
  readonly rangeEnd: number;
}

/**
 * A level's boundary is taken first only if the chunk reaches this share of `maxChunkSize`, so a
 * short paragraph followed by a long one packs sentences of the long one instead of standing alone.
 */
const MIN_FILL = 0.25;
/** A structural overlap start is taken only if it keeps at least this share of `overlapSize`. */
const MIN_STRUCTURAL_OVERLAP = 0.5;

/**
 * Chunks text[from, to) into `sink`. Returns false when the sink is full (stop everything).
 * Every chunk starts and ends on non-whitespace, is at most `maxChunkSize` long and reaches past
 * the previous chunk's end, so the loop advances at least one character per chunk.
 */
export function packRange(
  text: string,
  from: number,
  to: number,
  limits: ChunkingLimits,
  plan: PackPlan,
  sink: ChunkSink,
  headingPathOf?: (start: number, end: number) => readonly string[],
): boolean {
  const rangeEnd = trimWhitespaceBefore(text, from, to);
  let start = skipWhitespace(text, from, rangeEnd);
  let after = start;
  while (start < rangeEnd) {
    const end = chooseEnd(text, limits, plan, {
      start,
      after,
      limit: Math.min(start + limits.maxChunkSize, rangeEnd),
      rangeEnd,
    });
    const span =
      headingPathOf === undefined ? { start, end } : { start, end, headingPath: headingPathOf(start, end) };
    if (!sink.push(span)) return false;
    if (end >= rangeEnd) break;
    const next = skipWhitespace(text, end, rangeEnd);
    start = chooseOverlapStart(text, from, limits, plan, start, end, next, rangeEnd) ?? next;
    after = end;
  }
  return true;
}

function chooseEnd(text: string, limits: ChunkingLimits, plan: PackPlan, window: EndWindow): number {
  const custom = plan.chooseEnd?.(window);
  if (custom !== undefined && custom > window.after && custom <= window.limit) return custom;
  const { start, after, limit, rangeEnd } = window;
  if (limit === rangeEnd) return rangeEnd;
  const fillFrom = Math.max(after, start + Math.floor(limits.maxChunkSize * MIN_FILL));
  for (const floor of [fillFrom, after]) {
    for (const level of plan.endLevels) {
      const end = largestOutsideKept(plan.keptRanges, level, floor, limit);
      if (end !== undefined) return end;
    }
  }
  let wordLimit = limit;
  for (;;) {
    const end = findWordEnd(text, after, wordLimit, rangeEnd);
    if (end === undefined) break;
    const kept = keptRangeAround(plan.keptRanges, end);
    if (kept === undefined) return end;
    wordLimit = kept.start;
  }
  // Nothing but one unbroken run after the gap: cut inside it (never in the gap, or the chunk would end on whitespace).
  return findForcedEnd(text, Math.max(after, skipWhitespace(text, after, rangeEnd)), limit);
}

/** Largest offset of `sorted` in (above, atMost] that is not inside a kept range. */
function largestOutsideKept(
  kept: KeptRanges,
  sorted: readonly number[],
  above: number,
  atMost: number,
): number | undefined {
  let ceiling = atMost;
  for (;;) {
    const candidate = largestIn(sorted, above, ceiling);
    if (candidate === undefined) return undefined;
    const around = keptRangeAround(kept, candidate);
    if (around === undefined) return candidate;
    ceiling = around.start;
  }
}

/**
 * Where the chunk after [start, end) begins: about `overlapSize` before `end`, snapped to a sentence
 * start when one is close enough, else a word start. Undefined means no overlap.
 */
function chooseOverlapStart(
  text: string,
  rangeStart: number,
  limits: ChunkingLimits,
  plan: PackPlan,
  start: number,
  end: number,
  next: number,
  rangeEnd: number,
): number | undefined {
  const { overlapSize, maxChunkSize } = limits;
  if (overlapSize === 0) return undefined;
  // Counted back from `next`, not `end`: the whitespace between them is not worth repeating, and the
  // next chunk keeps room for maxChunkSize − overlapSize characters of new text.
  const target = Math.max(next - overlapSize, start + 1);
  let overlapStart: number | undefined;
  for (const level of plan.startLevels) {
    const candidate = smallestIn(level, target, end);
    if (candidate !== undefined && end - candidate >= overlapSize * MIN_STRUCTURAL_OVERLAP) {
      overlapStart = candidate;
      break;
    }
  }
  overlapStart ??= findWordStart(text, target, end, rangeStart) ?? findForcedStart(text, target, end);
  if (overlapStart === undefined) return undefined;
  overlapStart = makeRoomForNextUnit(text, rangeStart, plan, maxChunkSize, overlapStart, end, next, rangeEnd);
  // A kept block right after this chunk must fit in the next one, overlap or not.
  const following = keptRangeStartingAt(plan.keptRanges, next);
  if (following !== undefined && following.end > overlapStart + maxChunkSize) {
    overlapStart = findWordStart(text, following.end - maxChunkSize, end, rangeStart) ?? next;
  }
  const kept = keptRangeAround(plan.keptRanges, overlapStart);
  if (kept !== undefined) overlapStart = skipWhitespace(text, kept.end, rangeEnd);
  return overlapStart < end ? overlapStart : undefined;
}

/**
 * Overlap gives way to structure. Take the most preferred level the next chunk could reach without
 * overlap (a paragraph end, a section end, a fenced block's end). If the overlap would put it out
 * of reach, so that the next paragraph or block would have to be split, the overlap shrinks until
 * the nearest boundary of that level fits.
 */
function makeRoomForNextUnit(
  text: string,
  rangeStart: number,
  plan: PackPlan,
  maxChunkSize: number,
  overlapStart: number,
  end: number,
  next: number,
  rangeEnd: number,
): number {
  for (const level of plan.endLevels) {
    const reachable = (from: number): boolean =>
      from + maxChunkSize >= rangeEnd ||
      largestOutsideKept(plan.keptRanges, level, end, from + maxChunkSize) !== undefined;
    if (!reachable(next)) continue;
    if (reachable(overlapStart)) return overlapStart;
    const nearest =
      firstOutsideKept(plan.keptRanges, level, end, Math.min(next + maxChunkSize, rangeEnd)) ?? rangeEnd;
    const needed = nearest - maxChunkSize;
    if (needed <= overlapStart) return overlapStart;
    return findWordStart(text, needed, end, rangeStart) ?? next;
  }
  return overlapStart;
}

/** Smallest offset of `sorted` in (above, atMost] that is not inside a kept range. */
function firstOutsideKept(
  kept: KeptRanges,
  sorted: readonly number[],
  above: number,
  atMost: number,
): number | undefined {
  let floor = above + 1;
  for (;;) {
    const candidate = smallestIn(sorted, floor, atMost + 1);
    if (candidate === undefined) return undefined;
    const around = keptRangeAround(kept, candidate);
    if (around === undefined) return candidate;
    floor = around.end;
  }
}
