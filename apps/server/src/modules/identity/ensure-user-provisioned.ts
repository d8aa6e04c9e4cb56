import { uuidv7 } from "uuidv7";
import { appendEvent } from "../../platform/events/index.js";
import type { SqlTx } from "../../platform/sql/index.js";
import { insertTenant } from "./insert-tenant.js";
import { spaceIdForTenant } from "./tenant-ids.js";
import type { UserRow } from "./user-row.js";
import { userColumns } from "./user-row.js";

/**
 * Gives a user their personal tenant, its space, the owner membership and a "Getting Started"
 * notebook, once. Idempotent and safe under concurrency: the user row is locked first, so of any
 * number of simultaneous calls one provisions and the others see the result. Runs in the caller's
 * system transaction, so everything commits (or not) together with what triggered it.
 */
export async function ensureUserProvisioned(tx: SqlTx, userId: string): Promise<UserRow> {
  const [user] = await tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1 FOR UPDATE`, [
    userId,
  ]);
  if (!user) throw new Error(`user ${userId} does not exist`);
  if (user.personal_tenant_id && user.onboarding_status === "completed") return user;

  const displayName = `${user.first_name} ${user.last_name}`.trim() || user.email;
  const tenantId = await insertTenant(tx, { kind: "personal", name: displayName, ownerUserId: user.id });
  const spaceId = spaceIdForTenant(tenantId);
  await tx.query(
    `INSERT INTO spaces (id, tenant_id, name, space_type, owner_user_id) VALUES ($1, $2, $3, 'personal', $4)`,
    [spaceId, tenantId, `${displayName}'s Personal Space`, user.id],
  );
  await tx.query(
    `INSERT INTO space_members (tenant_id, space_id, user_id, role, invited_by) VALUES ($1, $2, $3, 'owner', $4)`,
    [tenantId, spaceId, user.id, user.id],
  );
  // Notebooks belong to the tenant only (no system bypass): act as the new tenant for this insert.
  await tx.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
  await tx.query(
    `INSERT INTO notebooks (id, tenant_id, space_id, owner_id, name, description)
     VALUES ($1, $2, $3, $4, 'Getting Started', 'Upload your first document here to ask questions about it.')`,
    [uuidv7(), tenantId, spaceId, user.id],
  );
  const [provisioned] = await tx.query<UserRow>(
    `UPDATE users SET personal_tenant_id = $2, personal_space_id = $3, onboarding_status = 'completed',
       onboarding_error = NULL, updated_at = now() WHERE id = $1 RETURNING ${userColumns}`,
    [user.id, tenantId, spaceId],
  );
  const metadata = { tenant_id: tenantId, space_id: spaceId, user_id: user.id };
  await appendEvent(tx, {
    type: "space.created",
    source: "identity",
    data: {
      space_id: spaceId,
      name: `${displayName}'s Personal Space`,
      type: "personal",
      tenant_id: tenantId,
    },
    metadata,
  });
  await appendEvent(tx, { type: "user.onboarded", source: "identity", data: { user_id: user.id }, metadata });
  if (!provisioned) throw new Error("user disappeared while provisioning");
  return provisioned;
}
