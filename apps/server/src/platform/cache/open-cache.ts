import type { CacheConfig } from "../../config/index.js";
import { assertNever } from "../errors/index.js";
import { createMemoryCache } from "./memory-cache.js";
import type { CacheStore } from "./port.js";

/**
 * Chooses the cache adapter from configuration: this process's memory, or a Redis server.
 * `soleProcess`: the deployment is this one process (the embedded database admits no other).
 */
export async function openCache(
  config: CacheConfig,
  options: { soleProcess: boolean } = { soleProcess: false },
): Promise<CacheStore> {
  switch (config.kind) {
    case "memory":
      return createMemoryCache({ soleProcess: options.soleProcess });
    case "redis": {
      // Server adapters load on demand, so the embedded default does not carry their weight.
      const { createRedisCache } = await import("./redis-cache.js");
      return createRedisCache({ url: config.url });
    }
    default:
      return assertNever(config);
  }
}
