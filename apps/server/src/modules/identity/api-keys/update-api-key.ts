import type { ApiKey, UpdateApiKeyRequest } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { IdentityContext } from "../identity-context.js";
import { ApiKeyCache } from "./api-key-cache.js";
import { type ApiKeyRow, apiKeyColumns, toApiKey, toCachedApiKey } from "./api-key-row.js";
import { requireKeyManager } from "./key-manager.js";

/**
 * Renames one of the caller's keys and/or replaces its gateway settings. The new settings reach
 * every node sharing the cache at once (per-node memory caches within a second). Another user's
 * key answers 404; a revoked key cannot be changed.
 */
export async function updateApiKey(
  context: IdentityContext,
  caller: Principal | null,
  keyId: string,
  change: UpdateApiKeyRequest,
): Promise<ApiKey> {
  const principal = requireKeyManager(caller);
  const row = await context.sql.withSystem(async (tx) => {
    const [current] = await tx.query<{ revoked: boolean; space_id: string | null }>(
      "SELECT revoked_at IS NOT NULL AS revoked, space_id FROM api_keys WHERE id = $1 AND user_id = $2 FOR UPDATE",
      [keyId, principal.userId],
    );
    if (!current) throw new AppError("NOT_FOUND", `API key ${keyId} not found`);
    if (current.revoked) throw new AppError("CONFLICT", "A revoked API key cannot be changed");
    // A key bound to a space may manage only keys bound to that space, as when creating them.
    if (principal.restrictedToSpaceId !== null && current.space_id !== principal.restrictedToSpaceId) {
      throw new AppError("NOT_FOUND", `API key ${keyId} not found`);
    }
    const [updated] = await tx.query<ApiKeyRow & { secret_hash: string }>(
      `UPDATE api_keys SET name = COALESCE($2, name), gateway = COALESCE($3::jsonb, gateway)
       WHERE id = $1 RETURNING ${apiKeyColumns}, secret_hash`,
      [keyId, change.name ?? null, change.gateway === undefined ? null : JSON.stringify(change.gateway)],
    );
    if (!updated) throw new Error("API key disappeared while updating");
    const details = { name: updated.name, prefix: updated.prefix, gateway: toApiKey(updated).gateway };
    await appendEvent(tx, {
      type: "api_key.updated",
      source: "identity",
      data: { api_key_id: keyId, user_id: principal.userId, ...details },
      metadata: {
        tenant_id: updated.tenant_id ?? "platform",
        user_id: principal.userId,
        ...(updated.space_id ? { space_id: updated.space_id } : {}),
      },
    });
    return updated;
  });
  context.notifyEvents();
  await publishToCache(context, row);
  return toApiKey(row);
}

/**
 * Overwrites the cached key after the commit. A revocation that commits meanwhile could have
 * written its tombstone just before this overwrite, so the row is read once more afterwards and
 * the tombstone restored if the key is revoked by now.
 */
async function publishToCache(context: IdentityContext, row: ApiKeyRow & { secret_hash: string }) {
  const keys = new ApiKeyCache(context.cache);
  await keys.replace(row.prefix, toCachedApiKey(row));
  const [after] = await context.sql.withSystem((tx) =>
    tx.query<{ revoked: boolean }>("SELECT revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = $1", [
      row.id,
    ]),
  );
  if (after?.revoked !== false) await keys.forget(row.prefix);
}
