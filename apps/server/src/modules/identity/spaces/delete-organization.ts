import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { loadOrganizationAccess, organizationResource } from "./organization-access.js";
import { recordChange } from "./record-change.js";

/**
 * Soft-deletes an organization (owners only): the organization, its tenant and every space it owns
 * (each space has its own tenant) leave all lists and answer 404; rows are kept for the retention
 * period (§6 M3). System mode, because the organization's spaces span tenants.
 */
export async function deleteOrganization(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
): Promise<void> {
  const deleted = await context.sql.withSystem(async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId, { lock: true });
    authorize(principal, "organization.delete", organizationResource(access));
    const { tenant_id: tenantId } = access.organization;
    await tx.query("UPDATE organizations SET deleted_at = now(), updated_at = now() WHERE id = $1", [
      organizationId,
    ]);
    const spaces = await tx.query<{ id: string; tenant_id: string }>(
      `UPDATE spaces SET status = 'deleted', deleted_at = now(), updated_at = now()
       WHERE organization_id = $1 AND deleted_at IS NULL RETURNING id, tenant_id`,
      [organizationId],
    );
    await tx.query(
      `UPDATE tenants SET status = 'deleted', updated_at = now()
       WHERE id = $1 OR id IN (SELECT tenant_id FROM spaces WHERE organization_id = $2)`,
      [tenantId, organizationId],
    );
    await recordChange(tx, {
      action: "organization.deleted",
      tenantId,
      actorUserId: principal.userId,
      targetType: "organization",
      targetId: organizationId,
      data: { organization_id: organizationId, space_ids: spaces.map((space) => space.id) },
    });
    for (const space of spaces) {
      await recordChange(tx, {
        action: "space.deleted",
        tenantId: space.tenant_id,
        spaceId: space.id,
        actorUserId: principal.userId,
        targetType: "space",
        targetId: space.id,
        data: { space_id: space.id, tenant_id: space.tenant_id, organization_id: organizationId },
      });
    }
    return spaces;
  });
  context.notifyEvents();
  for (const space of deleted) context.accessChanges.announce({ kind: "space", spaceId: space.id });
}
