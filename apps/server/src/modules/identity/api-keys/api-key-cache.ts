import type { ApiKeyScope } from "@tributary/contracts";
import { LRUCache } from "lru-cache";
import type { ApiKeyGatewaySettings } from "../../../platform/auth/types.js";
import type { Cache } from "../../../platform/cache/index.js";

/** What verifying a key needs, cached in the shared cache by prefix. */
export interface CachedApiKey {
  id: string;
  userId: string;
  secretHash: string;
  scopes: ApiKeyScope[];
  spaceId: string | null;
  tenantId: string | null;
  /** The gateway reads these on every call, so they travel with the cached key. */
  gateway: ApiKeyGatewaySettings;
  /** Epoch milliseconds, or null for a key that never expires. */
  expiresAt: number | null;
}

/** A cached key as found: the key, the raw entry (what `refresh` expects to replace) and its age. */
export interface CachedApiKeyEntry {
  readonly key: CachedApiKey;
  readonly raw: string;
  /** Epoch milliseconds when it was stored, just after its row was read; 0 for an entry from an older version. */
  readonly cachedAt: number;
}

const revokedMarker = "revoked";

/**
 * Verified keys in the shared cache, so most requests skip the database. Revocation must reach
 * every node within a second. Where the cache reaches every node (Redis, or the memory of a
 * deployment that is one process), revocation and updates replace the entry at once, so entries
 * live a minute. On a per-node memory cache (PostgreSQL, several processes, no Redis) other nodes
 * cannot be told, so entries live only one second there.
 */
export class ApiKeyCache {
  private readonly entryTtlMs: number;
  private readonly refreshAfterMs: number;
  private readonly tombstoneTtlMs: number;
  /** The entry last parsed per prefix, with the text it came from: never used for any other text. */
  private readonly parsed = new LRUCache<string, CachedApiKeyEntry>({ max: 10_000 });

  constructor(private readonly cache: Cache) {
    this.entryTtlMs = cache.reachesEveryNode ? 60_000 : 1_000;
    // A key in use is re-read in the background before its entry expires (see `refresh`).
    this.refreshAfterMs = (this.entryTtlMs * 3) / 4;
    // Outlives any entry a slow verifier read before the revocation and stores after it.
    this.tombstoneTtlMs = this.entryTtlMs * 5;
  }

  private key(prefix: string): string {
    return `identity:api-key:${prefix}`;
  }

  /**
   * The cached key, "revoked" for a tombstone, or null when not cached. Read on every call: an
   * entry whose text is the one parsed last time is not parsed again (callers share it, read-only).
   */
  async get(prefix: string): Promise<CachedApiKeyEntry | "revoked" | null> {
    const raw = await this.cache.get(this.key(prefix));
    if (raw === null) return null;
    if (raw === revokedMarker) return "revoked";
    const known = this.parsed.get(prefix);
    if (known?.raw === raw) return known;
    // The parsed entry is the key as is (its extra `cachedAt` is harmless).
    const key = JSON.parse(raw) as Partial<CachedApiKey> & { cachedAt?: number };
    // An entry cached by an older version lacks the gateway settings: read the row again.
    if (key.gateway === undefined || key.tenantId === undefined) return null;
    const entry: CachedApiKeyEntry = { key: key as CachedApiKey, raw, cachedAt: key.cachedAt ?? 0 };
    this.parsed.set(prefix, entry);
    return entry;
  }

  /** True once the entry is old enough to be re-read (in the background) before it expires. */
  isDue(entry: CachedApiKeyEntry): boolean {
    return Date.now() - entry.cachedAt >= this.refreshAfterMs;
  }

  /** Stores only when absent, so it never overwrites a tombstone written meanwhile. */
  async remember(prefix: string, key: CachedApiKey): Promise<void> {
    await this.cache.setIfAbsent(this.key(prefix), this.serialize(key), this.entryTtlMs);
  }

  /**
   * Replaces `previous` with a fresh read of the same key, for a full TTL, unless the entry
   * changed meanwhile: a tombstone or a `replace` written after the read stands, and the stale
   * read is dropped.
   */
  async refresh(prefix: string, previous: CachedApiKeyEntry, key: CachedApiKey): Promise<void> {
    await this.cache.replaceIf(this.key(prefix), previous.raw, this.serialize(key), this.entryTtlMs);
  }

  /**
   * Call after a change to a live key committed: overwrites the entry, so a verifier that read
   * the row before the change cannot store it afterwards (it only stores when absent).
   */
  async replace(prefix: string, key: CachedApiKey): Promise<void> {
    await this.cache.set(this.key(prefix), this.serialize(key), this.entryTtlMs);
  }

  /** Call after the revocation committed. */
  async forget(prefix: string): Promise<void> {
    await this.cache.set(this.key(prefix), revokedMarker, this.tombstoneTtlMs);
  }

  private serialize(key: CachedApiKey): string {
    return JSON.stringify({ ...key, cachedAt: Date.now() });
  }

  /** True at most once a minute per key, across nodes sharing the cache. */
  async shouldRecordUse(keyId: string): Promise<boolean> {
    return this.cache.setIfAbsent(`identity:api-key-used:${keyId}`, "1", 60_000);
  }
}
