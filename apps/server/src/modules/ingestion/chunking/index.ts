export { chunkText } from "./chunk-text.js";
export { countTokens } from "./count-tokens.js";
export {
  type ChunkingLimits,
  DEFAULT_MAX_CHUNK_SIZE,
  DEFAULT_MAX_CHUNKS,
  DEFAULT_OVERLAP_SIZE,
  MAX_CHUNK_SIZE_LIMIT,
  MIN_CHUNK_SIZE,
  resolveChunkingLimits,
} from "./options.js";
export {
  type ChunkingStrategy,
  type ChunkMetadata,
  type ChunkTextInput,
  type ChunkTextResult,
  chunkingStrategies,
  type TextChunk,
} from "./types.js";
