import { noKeptRanges } from "../pack/kept-ranges.js";
import { packRange } from "../pack/pack-range.js";
import type { StrategyContext } from "./strategy-context.js";

/** Windows of `maxChunkSize` characters ending at word boundaries; overlaps start at a word. */
export function chunkFixed({ text, limits, sink }: StrategyContext): void {
  packRange(text, 0, text.length, limits, { endLevels: [], startLevels: [], keptRanges: noKeptRanges }, sink);
}
