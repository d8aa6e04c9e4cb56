import type { CreateApiKeyRequest, CreatedApiKey } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { newApiKey } from "./api-key-format.js";
import { type ApiKeyRow, apiKeyColumns, toApiKey } from "./api-key-row.js";
import { requireKeyManager } from "./key-manager.js";

/** Enough for any automation; a bound on what one account can pile up. */
const maxActiveKeysPerUser = 100;

/** Creates a key for the caller and returns it with its secret, the only time the secret is shown. */
export async function createApiKey(
  context: IdentityContext,
  caller: Principal | null,
  request: CreateApiKeyRequest,
  ip: string | null,
): Promise<CreatedApiKey> {
  const principal = requireKeyManager(caller);
  if (request.scopes.includes("admin") && principal.platformRole !== "admin") {
    throw new AppError("FORBIDDEN", "Only platform admins may create keys with the admin scope", {
      details: { field: "scopes" },
    });
  }
  const spaceId = request.space_id ?? principal.restrictedToSpaceId;
  if (principal.restrictedToSpaceId !== null && spaceId !== principal.restrictedToSpaceId) {
    throw new AppError("FORBIDDEN", "A key bound to a space may only create keys bound to that space");
  }
  const expiresAt = request.expires_at ? new Date(request.expires_at) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError("VALIDATION_ERROR", "expires_at must be in the future", {
      details: { field: "expires_at" },
    });
  }
  const key = newApiKey();
  const row = await context.sql.withSystem(async (tx) => {
    const tenantId = await keyTenant(tx, principal.userId, spaceId);
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL",
      [principal.userId],
    );
    if (count >= maxActiveKeysPerUser) {
      throw new AppError(
        "UNPROCESSABLE",
        `At most ${maxActiveKeysPerUser} active keys; revoke unused ones first`,
      );
    }
    const [created] = await tx.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, user_id, tenant_id, space_id, name, prefix, secret_hash, scopes, expires_at, gateway)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) RETURNING ${apiKeyColumns}`,
      [
        uuidv7(),
        principal.userId,
        tenantId,
        spaceId,
        request.name,
        key.prefix,
        key.secretHash,
        request.scopes,
        expiresAt,
        JSON.stringify(request.gateway ?? {}),
      ],
    );
    if (!created) throw new Error("insert returned no key");
    const details = {
      name: created.name,
      prefix: created.prefix,
      scopes: created.scopes,
      space_id: spaceId,
      gateway: request.gateway ?? {},
    };
    await recordAudit(tx, {
      action: "api_key.created",
      tenantId,
      actorUserId: principal.userId,
      targetType: "api_key",
      targetId: created.id,
      ip,
      details,
    });
    await appendEvent(tx, {
      type: "api_key.created",
      source: "identity",
      data: { api_key_id: created.id, user_id: principal.userId, ...details },
      metadata: { tenant_id: tenantId, user_id: principal.userId, ...(spaceId ? { space_id: spaceId } : {}) },
    });
    return created;
  });
  context.notifyEvents();
  return { ...toApiKey(row), secret: key.token };
}

/** The tenant a key acts for: its space's, or the owner's personal tenant. */
async function keyTenant(tx: SqlTx, userId: string, spaceId: string | null): Promise<string> {
  if (spaceId) {
    const [member] = await tx.query<{ tenant_id: string }>(
      `SELECT s.tenant_id FROM space_members m JOIN spaces s ON s.id = m.space_id
       WHERE m.space_id = $1 AND m.user_id = $2 AND s.deleted_at IS NULL`,
      [spaceId, userId],
    );
    // Not a member: answer as if the space did not exist.
    if (!member)
      throw new AppError("NOT_FOUND", `Space ${spaceId} not found`, { details: { field: "space_id" } });
    return member.tenant_id;
  }
  const [user] = await tx.query<{ personal_tenant_id: string | null }>(
    "SELECT personal_tenant_id FROM users WHERE id = $1",
    [userId],
  );
  if (!user?.personal_tenant_id)
    throw new AppError("UNPROCESSABLE", "Your account is still being set up; try again");
  return user.personal_tenant_id;
}
