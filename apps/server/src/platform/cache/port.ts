/**
 * The cache port: short-lived shared values, atomic counters and locks. Values are strings;
 * callers serialize. Every TTL is in milliseconds and must be a positive integer.
 */
export interface Cache {
  readonly kind: "memory" | "redis";
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Atomically stores the value only when the key is absent; true when this call stored it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds an integer to a counter; the TTL applies only when the counter is created. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  /** Throws when the store cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface RateLimiterOptions {
  /** Identifies the limiter; buckets of different names never share state. */
  name: string;
  /** Sustained rate: `limit` units per `windowMs`. */
  limit: number;
  windowMs: number;
  /** Units that may be spent at once on a full bucket; defaults to `limit`. */
  burst?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** The configured `limit` per window. */
  limit: number;
  /** Units that could still be spent right now after this decision. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
  /** Milliseconds to wait before the same request could be allowed; 0 when allowed. */
  retryAfterMs: number;
}

export interface RateLimiter {
  /**
   * Spends `cost` units (default 1) from `key`'s bucket, all or nothing. `cost` must be an
   * integer from 0 to `burst`: a larger request could never pass, so callers must reject it.
   */
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
}

/** A cache together with rate limiters kept in the same store (and so shared by nodes on Redis). */
export interface CacheStore extends Cache {
  rateLimiter(options: RateLimiterOptions): RateLimiter;
}
