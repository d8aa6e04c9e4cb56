export type {
  AssistantConfig,
  CacheConfig,
  Config,
  EmbeddingConfig,
  EventsConfig,
  GatewayConfig,
  IdentityConfig,
  IngestionConfig,
  ObjectsConfig,
  OidcProviderConfig,
  RetrievalConfig,
  SqlConfig,
} from "./config.js";
export { ConfigError, type Environment, loadConfig, redactConfig } from "./load-config.js";
