import type { Principal } from "../../platform/auth/index.js";
import { sameHash } from "../../platform/crypto/index.js";
import { ApiKeyCache, type CachedApiKey } from "./api-keys/api-key-cache.js";
import { apiKeyMarker, parseApiKey } from "./api-keys/api-key-format.js";
import { type ApiKeyRow, toCachedApiKey } from "./api-keys/api-key-row.js";
import { type CredentialVerifier, UserStatusCache } from "./authenticate.js";
import type { IdentityContext } from "./identity-context.js";

/**
 * Verifies API keys sent as `Authorization: Bearer trk_…` or `x-api-key: trk_…`. Returns
 * undefined for anything that is not shaped like one of our keys, null for a key that is unknown,
 * wrong, expired, revoked or whose owner is not active.
 */
export function apiKeyVerifier(context: IdentityContext): CredentialVerifier {
  const keys = new ApiKeyCache(context.cache);
  const users = new UserStatusCache(context);
  // Entries expire together, so every request in flight misses at once: they share one query.
  const loading = new Map<string, Promise<CachedApiKey | null>>();
  return async ({ bearer, apiKey }) => {
    const presented = bearer?.startsWith(apiKeyMarker) ? bearer : apiKey;
    if (!presented?.startsWith(apiKeyMarker)) return undefined;
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const key = await lookUp(context, keys, loading, parsed.prefix);
    if (!key || !sameHash(key.secretHash, parsed.secretHash)) return null;
    if (key.expiresAt !== null && key.expiresAt <= Date.now()) return null;
    const owner = await users.get(key.userId);
    if (owner?.status !== "active") return null;
    if (await keys.shouldRecordUse(key.id)) await recordUse(context, key.id);
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

async function lookUp(
  context: IdentityContext,
  keys: ApiKeyCache,
  loading: Map<string, Promise<CachedApiKey | null>>,
  prefix: string,
): Promise<CachedApiKey | null> {
  const cached = await keys.get(prefix);
  if (cached === "revoked") return null;
  if (cached) return cached;
  let pending = loading.get(prefix);
  if (!pending) {
    pending = readKey(context, keys, prefix).finally(() => loading.delete(prefix));
    loading.set(prefix, pending);
  }
  return pending;
}

async function readKey(
  context: IdentityContext,
  keys: ApiKeyCache,
  prefix: string,
): Promise<CachedApiKey | null> {
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
  if (!row || row.revoked_at) return null;
  const key = toCachedApiKey(row);
  await keys.remember(prefix, key);
  return key;
}

/** `last_used_at` is informational; a minute's precision spares a write on every request. */
async function recordUse(context: IdentityContext, keyId: string): Promise<void> {
  await context.sql.withSystem((tx) =>
    tx.query("UPDATE api_keys SET last_used_at = now() WHERE id = $1", [keyId]),
  );
}
