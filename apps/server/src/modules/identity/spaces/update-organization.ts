import type { Organization } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import {
  loadOrganizationAccess,
  type OrganizationRow,
  organizationColumns,
  organizationResource,
  toOrganization,
  withOrganizationTenant,
} from "./organization-access.js";
import { recordChange } from "./record-change.js";

/** Name and description; owners and admins only (§3.5). */
export async function updateOrganization(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  changes: { name?: string | undefined; description?: string | undefined },
): Promise<Organization> {
  const result = await withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId, { lock: true });
    authorize(principal, "organization.update", organizationResource(access));
    const [row] = await tx.query<OrganizationRow>(
      `UPDATE organizations AS o SET name = COALESCE($2, name), description = COALESCE($3, description), updated_at = now()
       WHERE id = $1 RETURNING ${organizationColumns}`,
      [organizationId, changes.name ?? null, changes.description ?? null],
    );
    if (!row) throw new Error("organization disappeared while updating");
    await recordChange(tx, {
      action: "organization.updated",
      tenantId: row.tenant_id,
      actorUserId: principal.userId,
      targetType: "organization",
      targetId: organizationId,
      data: { organization_id: organizationId, fields: Object.keys(changes) },
    });
    return toOrganization(row, access.role ?? "member");
  });
  context.notifyEvents();
  return result;
}
