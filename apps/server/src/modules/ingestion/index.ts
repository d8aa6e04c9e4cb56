export {
  createStreamingRedactor,
  detectPii,
  type PiiEntityType,
  type PiiFinding,
  type PiiPolicy,
  preparePiiNameDetection,
  redactPii,
} from "./analysis/index.js";
export type {
  ChunkEmbeddings,
  DocumentIndexer,
  IndexableChunk,
  IndexableDocument,
  PreparedIndex,
} from "./indexing/document-indexer.js";
export {
  createIngestionModule,
  type IngestionModule,
  type IngestionModuleOptions,
} from "./ingestion-module.js";
