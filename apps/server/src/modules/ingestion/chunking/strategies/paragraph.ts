import { noKeptRanges } from "../pack/kept-ranges.js";
import { packRange } from "../pack/pack-range.js";
import { splitLines } from "../text/lines.js";
import { splitParagraphs } from "../text/paragraphs.js";
import { splitSentences } from "../text/sentences.js";
import type { StrategyContext } from "./strategy-context.js";

/** Whole paragraphs packed up to `maxChunkSize`; a longer paragraph is cut between sentences. */
export function chunkParagraphs({ text, limits, sink }: StrategyContext): void {
  const paragraphs = splitParagraphs(text);
  const sentences = splitSentences(text);
  const lines = splitLines(text);
  packRange(
    text,
    0,
    text.length,
    limits,
    {
      endLevels: [paragraphs.ends, sentences.ends, lines.ends],
      startLevels: [paragraphs.starts, sentences.starts],
      keptRanges: noKeptRanges,
    },
    sink,
  );
}
