/**
 * The cache port: short-lived shared values, atomic counters and locks. Values are strings;
 * callers serialize. Every TTL is in milliseconds and must be a positive integer.
 */
export interface Cache {
  readonly kind: "memory" | "redis";
  /**
   * Whether every process of the deployment uses this same store, so that what one writes, all
   * read at once: always on Redis; on the memory cache only when the deployment is this one process
   * (the embedded database admits no other). Entries that stand in for database rows may then live
   * long and rely on their writers to replace them; otherwise they must expire soon.
   */
  readonly reachesEveryNode: boolean;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Atomically stores the value only when the key is absent; true when this call stored it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  /**
   * Atomically replaces the value, with a new TTL, only while it is still `expected` (an absent or
   * expired key is not replaced); true when this call replaced it. Refreshes an entry without
   * overwriting whatever another writer put there since it was read.
   */
  replaceIf(key: string, expected: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Atomically adds an integer to a counter; the TTL applies only when the counter is created. */
  increment(key: string, by: number, ttlMs: number): Promise<number>;
  /**
   * Sends a message to every `listen`er of the channel on the nodes this store reaches (on the
   * memory cache, this store's own listeners only). At most once, and only to nodes listening
   * now: one that is reconnecting misses it, so what a broadcast invalidates must also expire.
   */
  broadcast(channel: string, message: string): Promise<void>;
  /**
   * Calls `onMessage` with each broadcast on the channel, this node's own included; it must not
   * throw. Resolves once listening, with the function that stops it.
   */
  listen(channel: string, onMessage: (message: string) => void): Promise<() => Promise<void>>;
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
  /**
   * Charges (`delta` > 0) or refunds (`delta` < 0) units unconditionally, for work whose size was
   * only known after it was admitted (tokens of a finished call). A charge may leave the bucket in
   * debt, so later consumes wait until it is repaid; a refund never fills the bucket beyond full.
   * `delta` is any safe integer; the decision's `allowed` is always true.
   */
  adjust(key: string, delta: number): Promise<RateLimitDecision>;
}

/** One counter of a reservation: its key and the most it may hold, or null to count without a cap. */
export interface ReservationCounter {
  readonly key: string;
  readonly limit: number | null;
}

/**
 * What `reserve` did. `totals` are the counters' values in request order: after the addition
 * when reserved, as they stand when refused. `missing` lists the indexes of counters that do
 * not exist yet (nothing was added: seed them, then reserve again).
 */
export type ReserveOutcome =
  | { readonly status: "reserved"; readonly totals: readonly number[] }
  | { readonly status: "refused"; readonly index: number; readonly totals: readonly number[] }
  | { readonly status: "missing"; readonly missing: readonly number[] };

/**
 * Integer counters that admit an amount against several caps at once, all or nothing (budgets:
 * key, user, space and tenant). They live apart from cached values, so cache churn never resets
 * one, and they are never created implicitly: the caller seeds each from its source of truth,
 * once, with `seed` (concurrent seeders agree: the first one wins).
 */
export interface ReservationCounters {
  /** Creates the counter with `value` unless it exists; true when this call created it. */
  seed(key: string, value: number, ttlMs: number): Promise<boolean>;
  /**
   * Adds `amount` (a non-negative integer) to every counter when each one with a limit stays at
   * or under it; otherwise adds nothing. Atomic across all counters, and across nodes on Redis.
   */
  reserve(counters: readonly ReservationCounter[], amount: number): Promise<ReserveOutcome>;
  /** Adds `delta` (any integer) to each existing counter; a missing one stays missing (null). */
  adjust(keys: readonly string[], delta: number): Promise<(number | null)[]>;
  /** The counters' current values; null where missing. */
  read(keys: readonly string[]): Promise<(number | null)[]>;
}

/** A cache together with rate limiters kept in the same store (and so shared by nodes on Redis). */
export interface CacheStore extends Cache {
  rateLimiter(options: RateLimiterOptions): RateLimiter;
  readonly reservations: ReservationCounters;
}
