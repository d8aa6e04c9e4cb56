export type { EmbeddingModelInfo, EmbeddingService } from "./embeddings/index.js";
export {
  createRetrievalModule,
  type RetrievalModule,
  type RetrievalModuleOptions,
} from "./retrieval-module.js";
export type {
  SpacePassage,
  SpaceSearchRequest,
  SpaceSearchResult,
} from "./space-search/space-search-port.js";
export { VectorStoreUnavailableError } from "./vector-store-check.js";
