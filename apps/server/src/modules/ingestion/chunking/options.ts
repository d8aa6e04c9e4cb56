import type { ChunkTextInput } from "./types.js";

/** The spec's OpenAI recommendation (processing-vectors §1.5 and platform-flows step 16): 1000 / 200. */
export const DEFAULT_MAX_CHUNK_SIZE = 1000;
export const DEFAULT_OVERLAP_SIZE = 200;
/** The default tenant quota `max_chunks_per_file` (platform-flows §1.4). */
export const DEFAULT_MAX_CHUNKS = 1000;
/** Vector content over 10,000 characters is rejected downstream (processing-vectors §1.5, check 10). */
export const MAX_CHUNK_SIZE_LIMIT = 10_000;
/** Below two code units a surrogate pair could not stay whole. */
export const MIN_CHUNK_SIZE = 2;

export interface ChunkingLimits {
  readonly maxChunkSize: number;
  readonly overlapSize: number;
  readonly maxChunks: number;
}

/** Applies defaults and rejects sizes the chunker cannot honour (RangeError). */
export function resolveChunkingLimits(
  input: Pick<ChunkTextInput, "maxChunkSize" | "overlapSize" | "maxChunks">,
): ChunkingLimits {
  const maxChunkSize = input.maxChunkSize ?? DEFAULT_MAX_CHUNK_SIZE;
  const overlapSize = input.overlapSize ?? Math.min(DEFAULT_OVERLAP_SIZE, Math.floor(maxChunkSize / 5));
  const maxChunks = input.maxChunks ?? DEFAULT_MAX_CHUNKS;
  if (
    !Number.isInteger(maxChunkSize) ||
    maxChunkSize < MIN_CHUNK_SIZE ||
    maxChunkSize > MAX_CHUNK_SIZE_LIMIT
  ) {
    throw new RangeError(
      `maxChunkSize must be an integer from ${MIN_CHUNK_SIZE} to ${MAX_CHUNK_SIZE_LIMIT}, got ${maxChunkSize}`,
    );
  }
  // Gap G13: an overlap as large as the chunk would never advance.
  if (!Number.isInteger(overlapSize) || overlapSize < 0 || overlapSize >= maxChunkSize) {
    throw new RangeError(
      `overlapSize must be an integer with 0 ≤ overlapSize < maxChunkSize, got ${overlapSize}`,
    );
  }
  if (!(Number.isInteger(maxChunks) || maxChunks === Number.POSITIVE_INFINITY) || maxChunks < 1) {
    throw new RangeError(`maxChunks must be a positive integer or Infinity, got ${maxChunks}`);
  }
  return { maxChunkSize, overlapSize, maxChunks };
}
