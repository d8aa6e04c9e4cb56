import { type ApiKey, type ApiKeyScope, apiKeyGatewaySettingsSchema } from "@tributary/contracts";
import type { ApiKeyGatewaySettings } from "../../../platform/auth/types.js";
import type { CachedApiKey } from "./api-key-cache.js";

export interface ApiKeyRow {
  id: string;
  user_id: string;
  tenant_id: string | null;
  space_id: string | null;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  /** jsonb; parse with `gatewaySettingsOf`. */
  gateway: unknown;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** Never includes secret_hash: the secret is shown once, at creation, and never stored. */
export const apiKeyColumns =
  "id, user_id, tenant_id, space_id, name, prefix, scopes, gateway, created_at, expires_at, revoked_at, last_used_at";

/**
 * The stored settings, validated: only validated settings are ever written, so a failure here is
 * a bug or a hand edit, and it fails loudly rather than silently lifting a key's limits.
 */
export function gatewaySettingsOf(stored: unknown): ApiKeyGatewaySettings {
  return apiKeyGatewaySettingsSchema.parse(stored ?? {});
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    space_id: row.space_id,
    scopes: row.scopes,
    created_at: row.created_at.toISOString(),
    expires_at: row.expires_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
    last_used_at: row.last_used_at?.toISOString() ?? null,
    gateway: apiKeyGatewaySettingsSchema.parse(row.gateway ?? {}),
  };
}

/** What the verifier caches for a live key. */
export function toCachedApiKey(
  row: Pick<ApiKeyRow, "id" | "user_id" | "space_id" | "tenant_id" | "scopes" | "gateway" | "expires_at"> & {
    secret_hash: string;
  },
): CachedApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    secretHash: row.secret_hash,
    scopes: row.scopes,
    spaceId: row.space_id,
    tenantId: row.tenant_id,
    gateway: gatewaySettingsOf(row.gateway),
    expiresAt: row.expires_at?.getTime() ?? null,
  };
}
