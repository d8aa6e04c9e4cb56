import type { Principal } from "../../platform/auth/index.js";
import { sameHash } from "../../platform/crypto/index.js";
import { ApiKeyCache, type CachedApiKey, type CachedApiKeyEntry } from "./api-keys/api-key-cache.js";
import { apiKeyMarker, parseApiKey } from "./api-keys/api-key-format.js";
import { type ApiKeyRow, toCachedApiKey } from "./api-keys/api-key-row.js";
import type { CredentialVerifier, UserStatusCache } from "./authenticate.js";
import type { IdentityContext } from "./identity-context.js";

/**
 * Verifies API keys sent as `Authorization: Bearer trk_…` or `x-api-key: trk_…`. Returns
 * undefined for anything that is not shaped like one of our keys, null for a key that is unknown,
 * wrong, expired, revoked or whose owner is not active.
 */
export function apiKeyVerifier(context: IdentityContext, users: UserStatusCache): CredentialVerifier {
  const keys = new ApiKeyCache(context.cache);
  // Entries expire together, so every request in flight misses at once: they share one query.
  const loading = new Map<string, Promise<CachedApiKey | null>>();
  // Keys being re-read in the background before their entry expires: one read per key at a time.
  const inFlight: ReadsInFlight = { loading, refreshing: new Set<string>() };
  return async ({ bearer, apiKey }) => {
    const presented = bearer?.startsWith(apiKeyMarker) ? bearer : apiKey;
    if (!presented?.startsWith(apiKeyMarker)) return undefined;
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const key = await lookUp(context, keys, inFlight, parsed.prefix);
    if (!key || !sameHash(key.secretHash, parsed.secretHash)) return null;
    if (key.expiresAt !== null && key.expiresAt <= Date.now()) return null;
    const owner = await users.get(key.userId);
    if (owner?.status !== "active") return null;
    // Informational: the call does not wait for the write.
    if (await keys.shouldRecordUse(key.id)) {
      recordUse(context, key.id).catch((error: unknown) =>
        context.logger.warn({ err: error, api_key_id: key.id }, "recording an API key's last use failed"),
      );
    }
    const principal: Principal = {
      kind: "api_key",
      id: key.id,
      userId: key.userId,
      scopes: key.scopes,
      platformRole: owner.role,
      restrictedToSpaceId: key.spaceId,
      apiKey: { tenantId: key.tenantId, spaceId: key.spaceId, gateway: key.gateway },
    };
    return principal;
  };
}

interface ReadsInFlight {
  readonly loading: Map<string, Promise<CachedApiKey | null>>;
  readonly refreshing: Set<string>;
}

/**
 * The key from the cache, or read from the database on a miss (shared by the requests that miss
 * together). A cached key in use is re-read in the background once it is due, so its entry is
 * renewed before it expires and the requests that use it never wait for the database.
 */
async function lookUp(
  context: IdentityContext,
  keys: ApiKeyCache,
  inFlight: ReadsInFlight,
  prefix: string,
): Promise<CachedApiKey | null> {
  const cached = await keys.get(prefix);
  if (cached === "revoked") return null;
  if (cached) {
    if (keys.isDue(cached) && !inFlight.refreshing.has(prefix)) {
      inFlight.refreshing.add(prefix);
      refreshKey(context, keys, prefix, cached)
        .catch((error: unknown) => context.logger.warn({ err: error }, "re-reading an API key failed"))
        .finally(() => inFlight.refreshing.delete(prefix));
    }
    return cached.key;
  }
  let pending = inFlight.loading.get(prefix);
  if (!pending) {
    pending = readKey(context, keys, prefix).finally(() => inFlight.loading.delete(prefix));
    inFlight.loading.set(prefix, pending);
  }
  return pending;
}

/** Renews a due entry from the row, unless something else replaced it meanwhile (ApiKeyCache.refresh). */
async function refreshKey(
  context: IdentityContext,
  keys: ApiKeyCache,
  prefix: string,
  previous: CachedApiKeyEntry,
): Promise<void> {
  const row = await selectKey(context, prefix);
  if (!row || row.revoked_at) await keys.forget(prefix);
  else await keys.refresh(prefix, previous, toCachedApiKey(row));
}

async function readKey(
  context: IdentityContext,
  keys: ApiKeyCache,
  prefix: string,
): Promise<CachedApiKey | null> {
  const row = await selectKey(context, prefix);
  if (!row || row.revoked_at) return null;
  const key = toCachedApiKey(row);
  await keys.remember(prefix, key);
  return key;
}

async function selectKey(context: IdentityContext, prefix: string) {
  const [row] = await context.sql.withSystem((tx) =>
    tx.query<
      Pick<
        ApiKeyRow,
        "id" | "user_id" | "space_id" | "tenant_id" | "scopes" | "gateway" | "expires_at" | "revoked_at"
      > & {
        secret_hash: string;
      }
    >(
      `SELECT id, user_id, space_id, tenant_id, scopes, gateway, expires_at, revoked_at, secret_hash
       FROM api_keys WHERE prefix = $1`,
      [prefix],
    ),
  );
  return row;
}

/** `last_used_at` is informational; a minute's precision spares a write on every request. */
async function recordUse(context: IdentityContext, keyId: string): Promise<void> {
  await context.sql.withSystem((tx) =>
    tx.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [keyId]),
  );
}
