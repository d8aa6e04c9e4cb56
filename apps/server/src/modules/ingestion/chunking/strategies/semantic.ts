import { noKeptRanges } from "../pack/kept-ranges.js";
import { packRange } from "../pack/pack-range.js";
import { createTopicCutChooser } from "../semantic/topic-cuts.js";
import { splitLines } from "../text/lines.js";
import { splitSentences } from "../text/sentences.js";
import type { StrategyContext } from "./strategy-context.js";

/** Whole sentences, cut where the vocabulary shifts most (lexical, deterministic; no model). */
export function chunkSemantic({ text, limits, sink }: StrategyContext): void {
  const sentences = splitSentences(text);
  const lines = splitLines(text);
  packRange(
    text,
    0,
    text.length,
    limits,
    {
      endLevels: [sentences.ends, lines.ends],
      startLevels: [sentences.starts],
      keptRanges: noKeptRanges,
      chooseEnd: createTopicCutChooser(text, sentences, limits.maxChunkSize),
    },
    sink,
  );
}
