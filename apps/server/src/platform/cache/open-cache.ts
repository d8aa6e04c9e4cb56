import type { CacheConfig } from "../../config/index.js";
import { assertNever } from "../errors/index.js";
import { createMemoryCache } from "./memory-cache.js";
import type { CacheStore } from "./port.js";

/** Chooses the cache adapter from configuration: this process's memory, or a Redis server. */
export async function openCache(config: CacheConfig): Promise<CacheStore> {
  switch (config.kind) {
    case "memory":
      return createMemoryCache();
    case "redis": {
      // Server adapters load on demand, so the embedded default does not carry their weight.
      const { createRedisCache } = await import("./redis-cache.js");
      return createRedisCache({ url: config.url });
    }
    default:
      return assertNever(config);
  }
}
