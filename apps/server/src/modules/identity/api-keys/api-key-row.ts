import type { ApiKey, ApiKeyScope } from "@tributary/contracts";

export interface ApiKeyRow {
  id: string;
  user_id: string;
  tenant_id: string | null;
  space_id: string | null;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** Never includes secret_hash: the secret is shown once, at creation, and never stored. */
export const apiKeyColumns =
  "id, user_id, tenant_id, space_id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at";

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
  };
}
