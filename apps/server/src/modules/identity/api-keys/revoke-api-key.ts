import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { ApiKeyCache } from "./api-key-cache.js";
import { requireKeyManager } from "./key-manager.js";

/**
 * Revokes one of the caller's keys. Idempotent: revoking a revoked key succeeds and changes
 * nothing. Another user's key answers 404, like a key that does not exist.
 */
export async function revokeApiKey(
  context: IdentityContext,
  caller: Principal | null,
  keyId: string,
  ip: string | null,
): Promise<void> {
  const principal = requireKeyManager(caller);
  const prefix = await context.sql.withSystem(async (tx) => {
    const [key] = await tx.query<{ prefix: string; tenant_id: string | null; revoked: boolean }>(
      "SELECT prefix, tenant_id, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE id = $1 AND user_id = $2 FOR UPDATE",
      [keyId, principal.userId],
    );
    if (!key) throw new AppError("NOT_FOUND", `API key ${keyId} not found`);
    if (key.revoked) return key.prefix;
    await tx.query("UPDATE api_keys SET revoked_at = now() WHERE id = $1", [keyId]);
    await recordAudit(tx, {
      action: "api_key.revoked",
      tenantId: key.tenant_id,
      actorUserId: principal.userId,
      targetType: "api_key",
      targetId: keyId,
      ip,
      details: { prefix: key.prefix },
    });
    await appendEvent(tx, {
      type: "api_key.revoked",
      source: "identity",
      data: { api_key_id: keyId, user_id: principal.userId, prefix: key.prefix },
      metadata: { tenant_id: key.tenant_id ?? "platform", user_id: principal.userId },
    });
    return key.prefix;
  });
  // After the commit: a node that misses the tombstone reads the revoked row from the database.
  await new ApiKeyCache(context.cache).forget(prefix);
  context.notifyEvents();
}
