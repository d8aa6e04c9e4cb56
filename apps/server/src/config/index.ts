export type { CacheConfig, Config, EventsConfig, ObjectsConfig, SqlConfig } from "./config.js";
export { ConfigError, type Environment, loadConfig, redactConfig } from "./load-config.js";
