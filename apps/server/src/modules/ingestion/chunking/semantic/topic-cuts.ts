import type { EndWindow } from "../pack/pack-range.js";
import { upperBound } from "../text/sorted-offsets.js";
import type { Spans } from "../text/spans.js";
import { adjacentWindowSimilarity } from "./window-similarity.js";

/** Sentences on each side of a gap compared for similarity. */
const WINDOW_SENTENCES = 3;
/** A blank line between two sentences makes their gap this much more likely to be cut. */
const PARAGRAPH_BREAK_BONUS = 0.1;
/** A cut leaves the chunk at least this share of `maxChunkSize` unless nothing else fits. */
const MIN_FILL = 0.25;
/**
 * Among similar scores, prefer the later gap (fuller chunk): a gap's score is lowered by this much
 * times the chunk's fill ratio. Small next to a real topic shift (a drop of ~0.3 or more).
 */
const FILL_PREFERENCE = 0.15;

/**
 * The semantic strategy's end choice. Each gap between sentences gets a score: the similarity of
 * the sentence windows around it, lowered at paragraph breaks and, slightly, the fuller the chunk
 * would be. The chunk ends at the lowest-scoring gap that keeps it at least a quarter full; text
 * that fits whole stays whole unless it holds a topic break (a gap below the document's mean
 * similarity minus one standard deviation).
 */
export function createTopicCutChooser(
  text: string,
  sentences: Spans,
  maxChunkSize: number,
): (window: EndWindow) => number | undefined {
  const similarity = adjacentWindowSimilarity(text, sentences, WINDOW_SENTENCES);
  const scores = similarity.map((value, gap) =>
    isParagraphBreak(text, sentences.ends[gap] ?? 0, sentences.starts[gap + 1] ?? 0)
      ? value - PARAGRAPH_BREAK_BONUS
      : value,
  );
  const threshold = topicBreakThreshold(scores);
  const ends = sentences.ends;

  return ({ start, after, limit, rangeEnd }) => {
    const fillFrom = Math.max(after, start + Math.floor(maxChunkSize * MIN_FILL));
    const first = upperBound(ends, fillFrom);
    const last = Math.min(upperBound(ends, limit) - 1, scores.length - 1);
    const restFits = limit === rangeEnd;
    let best: number | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (let gap = first; gap <= last; gap++) {
      const score = scores[gap] ?? 0;
      if (restFits && score >= threshold) continue;
      const adjusted = score - (FILL_PREFERENCE * ((ends[gap] ?? 0) - start)) / maxChunkSize;
      if (adjusted <= bestScore) {
        best = gap;
        bestScore = adjusted;
      }
    }
    return best === undefined ? undefined : ends[best];
  };
}
function topicBreakThreshold(scores: Float64Array): number {
  if (scores.length < 3) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const score of scores) sum += score;
  const mean = sum / scores.length;
  let squares = 0;
  for (const score of scores) squares += (score - mean) ** 2;
  return mean - Math.sqrt(squares / scores.length);
}

function isParagraphBreak(text: string, from: number, to: number): boolean {
  let lineBreaks = 0;
  for (let p = from; p < to; p++) {
    const code = text.charCodeAt(p);
    if (code === 12 || code === 0x2029) return true;
    if (code === 10 && ++lineBreaks >= 2) return true;
  }
  return false;
}
