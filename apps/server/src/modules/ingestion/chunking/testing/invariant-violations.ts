import { resolveChunkingLimits } from "../options.js";
import { isWhitespace } from "../text/characters.js";
import { splitsSurrogatePair } from "../text/safe-cuts.js";
import type { ChunkTextInput, ChunkTextResult } from "../types.js";

/**
 * The guarantees every strategy gives, checked on one result: exact slices, sizes, order, overlap
 * bounds, full coverage of the non-whitespace text (unless truncated) and whole surrogate pairs.
 * Returns the violations (collected, not asserted one by one: thousands of `expect` calls would
 * dominate a property run).
 */
export function chunkInvariantViolations(input: ChunkTextInput, result: ChunkTextResult): string[] {
  const { text } = input;
  const { maxChunkSize, overlapSize, maxChunks } = resolveChunkingLimits(input);
  const { chunks } = result;
  const violations: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) violations.push(message);
  };
  check(chunks.length <= maxChunks, `${chunks.length} chunks exceed maxChunks ${maxChunks}`);
  const firstContent = text.search(/\S/);
  if (firstContent === -1) {
    check(chunks.length === 0 && !result.truncated, "whitespace-only text gave chunks");
    return violations;
  }
  let previousEnd = -1;
  let previousStart = -1;
  chunks.forEach((chunk, i) => {
    const where = `chunk ${i} [${chunk.start_offset}, ${chunk.end_offset})`;
    check(chunk.index === i, `${where}: index ${chunk.index}`);
    check(
      chunk.content === text.slice(chunk.start_offset, chunk.end_offset),
      `${where}: content is not the exact slice`,
    );
    check(chunk.char_count === chunk.content.length, `${where}: char_count ${chunk.char_count}`);
    check(chunk.char_count > 0 && chunk.char_count <= maxChunkSize, `${where}: length ${chunk.char_count}`);
    check(chunk.token_count > 0, `${where}: token_count ${chunk.token_count}`);
    check(chunk.metadata.strategy === input.strategy, `${where}: strategy ${chunk.metadata.strategy}`);
    check(!isWhitespace(text.charCodeAt(chunk.start_offset)), `${where}: starts on whitespace`);
    check(!isWhitespace(text.charCodeAt(chunk.end_offset - 1)), `${where}: ends on whitespace`);
    // With overlapSize = maxChunkSize − 1 a chunk may have room for one code unit only.
    if (overlapSize <= maxChunkSize - 2) {
      check(!splitsSurrogatePair(text, chunk.start_offset), `${where}: starts inside a surrogate pair`);
      check(!splitsSurrogatePair(text, chunk.end_offset), `${where}: ends inside a surrogate pair`);
    }
    if (i === 0) {
      check(chunk.start_offset === firstContent, `${where}: does not start at the first non-whitespace`);
    } else {
      check(chunk.start_offset > previousStart, `${where}: does not move forward`);
      check(chunk.end_offset > previousEnd, `${where}: does not reach past the previous end`);
      const overlap = previousEnd - chunk.start_offset;
      check(overlap <= overlapSize, `${where}: overlap ${overlap} > ${overlapSize}`);
      if (overlap < 0) {
        check(
          text.slice(previousEnd, chunk.start_offset).trim() === "",
          `${where}: leaves text out before it`,
        );
      }
    }
    previousStart = chunk.start_offset;
    previousEnd = chunk.end_offset;
  });
  if (!result.truncated) {
    check(text.slice(previousEnd).trim() === "", "last chunk does not reach the last non-whitespace");
  }
  return violations;
}
