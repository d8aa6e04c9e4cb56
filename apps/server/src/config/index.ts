export type {
  CacheConfig,
  Config,
  EventsConfig,
  GatewayConfig,
  IdentityConfig,
  IngestionConfig,
  ObjectsConfig,
  OidcProviderConfig,
  SqlConfig,
} from "./config.js";
export { ConfigError, type Environment, loadConfig, redactConfig } from "./load-config.js";
