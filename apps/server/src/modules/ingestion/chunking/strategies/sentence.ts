import { noKeptRanges } from "../pack/kept-ranges.js";
import { packRange } from "../pack/pack-range.js";
import { splitLines } from "../text/lines.js";
import { splitSentences } from "../text/sentences.js";
import type { StrategyContext } from "./strategy-context.js";

/** Whole sentences packed up to `maxChunkSize`; a longer sentence is cut at a line end, then a word. */
export function chunkSentences({ text, limits, sink }: StrategyContext): void {
  const sentences = splitSentences(text);
  const lines = splitLines(text);
  packRange(
    text,
    0,
    text.length,
    limits,
    { endLevels: [sentences.ends, lines.ends], startLevels: [sentences.starts], keptRanges: noKeptRanges },
    sink,
  );
}
