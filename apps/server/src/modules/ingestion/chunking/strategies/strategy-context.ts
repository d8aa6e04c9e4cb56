import type { TextSegment } from "../../extraction/types.js";
import type { ChunkingLimits } from "../options.js";
import type { ChunkSink } from "../pack/chunk-sink.js";

/** What every strategy gets: it pushes spans into `sink` and stops when a push answers false. */
export interface StrategyContext {
  readonly text: string;
  readonly segments: readonly TextSegment[];
  readonly limits: ChunkingLimits;
  readonly sink: ChunkSink;
}
