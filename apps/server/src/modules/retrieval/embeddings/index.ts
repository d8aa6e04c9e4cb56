export { type EmbedForTenantDeps, embedForTenant } from "./embed-for-tenant.js";
export * from "./embedding-port.js";
export { createEmbeddingService, type EmbeddingServiceOptions } from "./embedding-service.js";
export { knownDimensionsOf } from "./model-dimensions.js";
export {
  createLexicalEmbedder,
  defaultLexicalDimensions,
  type LexicalEmbedder,
  lexicalModelName,
  parseLexicalModelName,
} from "./providers/lexical-embedder.js";
