import { ChannelListeners } from "./channel-listeners.js";
import { expiringLru } from "./expiring-lru.js";
import { assertCost, gcraAdjust, gcraPolicy, gcraStep } from "./gcra.js";
import { assertIncrement, assertTtl, cacheKey, rateLimitKey } from "./keys.js";
import { createMemoryReservations } from "./memory-reservations.js";
import type { CacheStore, RateLimiter, RateLimiterOptions } from "./port.js";

export interface MemoryCacheOptions {
  /** Most values kept; the least recently used go first. */
  maxEntries?: number;
  /** Most rate-limit buckets kept; an evicted bucket starts full again. */
  maxBuckets?: number;
  /** Most reservation counters kept; an evicted counter is seeded again by its owner. */
  maxCounters?: number;
  /** This process is the whole deployment (the embedded database), so no other node exists to miss a write. */
  soleProcess?: boolean;
}

/**
 * The embedded cache: one process's memory. Every operation runs synchronously inside one
 * call, so each is atomic in-process; nothing here is shared with another node.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): CacheStore {
  const values = expiringLru<string, string>({ max: options.maxEntries ?? 10_000 });
  // Buckets live apart from values so cache churn can never reset a rate limit.
  const buckets = expiringLru<string, number>({ max: options.maxBuckets ?? 100_000 });
  const listeners = new ChannelListeners();
  const reservations = createMemoryReservations(
    options.maxCounters === undefined ? {} : { maxCounters: options.maxCounters },
  );

  return {
    kind: "memory",
    reachesEveryNode: options.soleProcess ?? false,
    async get(key) {
      return values.get(cacheKey(key)) ?? null;
    },
    async set(key, value, ttlMs) {
      assertTtl(ttlMs);
      values.set(cacheKey(key), value, { ttl: ttlMs });
    },
    async setIfAbsent(key, value, ttlMs) {
      assertTtl(ttlMs);
      const namespaced = cacheKey(key);
      if (values.has(namespaced)) return false;
      values.set(namespaced, value, { ttl: ttlMs });
      return true;
    },
    async replaceIf(key, expected, value, ttlMs) {
      assertTtl(ttlMs);
      const namespaced = cacheKey(key);
      if (values.get(namespaced) !== expected) return false;
      values.set(namespaced, value, { ttl: ttlMs });
      return true;
    },
    async delete(key) {
      values.delete(cacheKey(key));
    },
    async increment(key, by, ttlMs) {
      assertIncrement(by);
      assertTtl(ttlMs);
      const namespaced = cacheKey(key);
      const current = values.get(namespaced);
      if (current === undefined) {
        values.set(namespaced, String(by), { ttl: ttlMs });
        return by;
      }
      const total = Number(current) + by;
      if (!/^-?\d+$/.test(current) || !Number.isSafeInteger(total)) {
        throw new RangeError(`cache value at ${key} is not an integer counter`);
      }
      values.set(namespaced, String(total), { noUpdateTTL: true });
      return total;
    },
    async broadcast(channel, message) {
      listeners.deliver(channel, message);
    },
    async listen(channel, onMessage) {
      listeners.add(channel, onMessage);
      return async () => {
        listeners.remove(channel, onMessage);
      };
    },
    async ping() {},
    async close() {
      listeners.clear();
      values.clear();
      buckets.clear();
      reservations.clear();
    },
    reservations,
    rateLimiter(limiterOptions: RateLimiterOptions): RateLimiter {
      const policy = gcraPolicy(limiterOptions);
      return {
        async consume(key, cost = 1) {
          assertCost(policy, cost);
          const bucketKey = rateLimitKey(policy.name, key);
          const step = gcraStep(policy, buckets.get(bucketKey), nowMicros(), cost);
          if (step.store) buckets.set(bucketKey, step.store.tatUs, { ttl: step.store.ttlMs });
          return step.decision;
        },
        async adjust(key, delta) {
          assertIncrement(delta);
          const bucketKey = rateLimitKey(policy.name, key);
          const step = gcraAdjust(policy, buckets.get(bucketKey), nowMicros(), delta);
          buckets.set(bucketKey, step.store.tatUs, { ttl: step.store.ttlMs });
          return step.decision;
        },
      };
    },
  };
}

/** Wall-clock microseconds from the monotonic clock, so a clock step cannot refill buckets. */
function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}
