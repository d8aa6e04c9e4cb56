import { countTokens } from "./count-tokens.js";
import { SegmentIndex } from "./metadata/segment-metadata.js";
import { resolveChunkingLimits } from "./options.js";
import { ChunkSink, type ChunkSpan } from "./pack/chunk-sink.js";
import { chunkFixed } from "./strategies/fixed.js";
import { chunkMarkdown } from "./strategies/markdown.js";
import { chunkParagraphs } from "./strategies/paragraph.js";
import { chunkSemantic } from "./strategies/semantic.js";
import { chunkSentences } from "./strategies/sentence.js";
import type { StrategyContext } from "./strategies/strategy-context.js";
import type { ChunkingStrategy, ChunkMetadata, ChunkTextInput, ChunkTextResult, TextChunk } from "./types.js";

/**
 * Cuts extracted text into chunks for embedding.
 *
 * - `content === text.slice(start_offset, end_offset)` always; chunks start and end on
 *   non-whitespace, so whitespace-only text gives no chunks.
 * - No chunk is longer than `maxChunkSize`; consecutive chunks share up to about `overlapSize`
 *   characters (less where a whole paragraph, section or code block would otherwise not fit, none
 *   across markdown sections), and each reaches past the previous one's end.
 * - More than `maxChunks` chunks: the first `maxChunks` come back with `truncated: true` and the
 *   caller decides (fail the file, or keep them with a warning); the rest of the text is not chunked.
 * - Invalid sizes throw a RangeError.
 */
export function chunkText(input: ChunkTextInput): ChunkTextResult {
  const limits = resolveChunkingLimits(input);
  const sink = new ChunkSink(limits.maxChunks);
  // The kept chunks end within maxChunks × maxChunkSize, so the strategies see one chunk more than
  // that and no further (enough to choose the same cuts and to notice the cap): a 50 MB
  // single-line file is not split into sentences only to keep its first megabytes.
  const reach = (limits.maxChunks + 1) * limits.maxChunkSize;
  const text = input.text.length > reach ? input.text.slice(0, reach) : input.text;
  const context: StrategyContext = { text, segments: input.segments, limits, sink };
  strategyFor(input.strategy)(context);
  const segmentIndex = new SegmentIndex(input.segments);
  const chunks = sink.spans.map((span, index) => toChunk(text, span, index, input.strategy, segmentIndex));
  const unreached = text.length < input.text.length && /\S/.test(input.text.slice(reach));
  return { chunks, truncated: sink.truncated || unreached };
}

function strategyFor(strategy: ChunkingStrategy): (context: StrategyContext) => void {
  switch (strategy) {
    case "fixed":
      return chunkFixed;
    case "sentence":
      return chunkSentences;
    case "paragraph":
      return chunkParagraphs;
    case "semantic":
      return chunkSemantic;
    case "markdown":
      return chunkMarkdown;
    default: {
      const unknown: never = strategy;
      throw new RangeError(`unknown chunking strategy: ${String(unknown)}`);
    }
  }
}

function toChunk(
  text: string,
  span: ChunkSpan,
  index: number,
  strategy: ChunkingStrategy,
  segments: SegmentIndex,
): TextChunk {
  const content = text.slice(span.start, span.end);
  const facts = segments.factsFor(span.start, span.end);
  if (span.headingPath !== undefined) {
    // The strategy knows the section better than the segments do.
    if (span.headingPath.length > 0) facts.heading_path = span.headingPath;
    else delete facts.heading_path;
  }
  const metadata: ChunkMetadata = { ...facts, strategy };
  return {
    index,
    content,
    start_offset: span.start,
    end_offset: span.end,
    token_count: countTokens(content),
    char_count: content.length,
    metadata,
  };
}
