export { expiringLru } from "./expiring-lru.js";
export { createMemoryCache, type MemoryCacheOptions } from "./memory-cache.js";
export { openCache } from "./open-cache.js";
export type {
  Cache,
  CacheStore,
  RateLimitDecision,
  RateLimiter,
  RateLimiterOptions,
  ReservationCounter,
  ReservationCounters,
  ReserveOutcome,
} from "./port.js";
export type { RedisCacheOptions } from "./redis-cache.js";
export { type RefreshingLru, type RefreshingLruOptions, refreshingLru } from "./refreshing-lru.js";
