import { expiringLru } from "./expiring-lru.js";

/** `C`: what a read needs besides the key (e.g. the caller), passed by whichever `get` starts it. */
export interface RefreshingLruOptions<K, V, C = void> {
  readonly max: number;
  /** The longest a value is used after it was read: the bound on how stale an answer can be. */
  readonly ttlMs: number;
  /** A value read longer ago than this is re-read in the background on its next use; ¾ of ttlMs by default. */
  readonly refreshAfterMs?: number;
  /** Reads the value from its source of truth; null when there is none (nothing is cached then). */
  readonly load: (key: K, context: C) => Promise<V | null>;
  /** A background re-read failed: the value in hand is kept until its TTL runs out. */
  readonly onRefreshError: (error: unknown, key: K) => void;
}

export interface RefreshingLru<K, V, C = void> {
  /** The value, read from the source when absent or expired (callers then wait, sharing one read). */
  get(key: K, context: C): Promise<V | null>;
  /** Drops the value, and keeps a read in flight from storing what it found. */
  delete(key: K): void;
  /** `delete` for every key held or being read that `matches`: O(entries), for rare changes. */
  deleteWhere(matches: (key: K) => boolean): void;
}

interface Entry<V> {
  readonly value: V;
  readonly readAt: number;
}

/**
 * A read-through LRU for values that must never be used past a TTL (a user's status, a space
 * membership) yet sit on a request path that has no room for a database round trip. A value used
 * after `refreshAfterMs` is re-read in the background while the caller gets the one in hand, so
 * under steady traffic no request waits for the source, and none ever gets a value read more than
 * `ttlMs` ago. Only an idle key expires and makes its next caller wait.
 */
export function refreshingLru<K extends {}, V extends {}, C = void>(
  options: RefreshingLruOptions<K, V, C>,
): RefreshingLru<K, V, C> {
  const refreshAfterMs = options.refreshAfterMs ?? Math.floor((options.ttlMs * 3) / 4);
  if (!(refreshAfterMs >= 0 && refreshAfterMs < options.ttlMs)) {
    throw new RangeError("refreshAfterMs must be at least 0 and less than ttlMs");
  }
  const entries = expiringLru<K, Entry<V>>({ max: options.max, ttl: options.ttlMs });
  // Reads in flight, foreground or background: one per key at a time.
  const reading = new Map<K, Promise<V | null>>();

  function read(key: K, context: C): Promise<V | null> {
    const inFlight = reading.get(key);
    if (inFlight) return inFlight;
    const readAt = performance.now();
    const pending: Promise<V | null> = options
      .load(key, context)
      .then((value) => {
        // A delete() during the read made it stale: hand it to its callers, but keep nothing.
        if (reading.get(key) !== pending) return value;
        const lifeMs = options.ttlMs - (performance.now() - readAt);
        if (value === null || lifeMs < 1) entries.delete(key);
        else entries.set(key, { value, readAt }, { ttl: Math.floor(lifeMs) });
        return value;
      })
      .finally(() => {
        if (reading.get(key) === pending) reading.delete(key);
      });
    reading.set(key, pending);
    return pending;
  }

  return {
    get(key, context) {
      const entry = entries.get(key);
      if (!entry) return read(key, context);
      if (performance.now() - entry.readAt >= refreshAfterMs && !reading.has(key)) {
        read(key, context).catch((error: unknown) => options.onRefreshError(error, key));
      }
      return Promise.resolve(entry.value);
    },
    delete(key) {
      entries.delete(key);
      reading.delete(key);
    },
    deleteWhere(matches) {
      for (const key of [...entries.keys()]) if (matches(key)) entries.delete(key);
      for (const key of [...reading.keys()]) if (matches(key)) reading.delete(key);
    },
  };
}
