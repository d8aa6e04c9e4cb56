export type {
  CacheConfig,
  Config,
  EventsConfig,
  IdentityConfig,
  ObjectsConfig,
  OidcProviderConfig,
  SqlConfig,
} from "./config.js";
export { ConfigError, type Environment, loadConfig, redactConfig } from "./load-config.js";
