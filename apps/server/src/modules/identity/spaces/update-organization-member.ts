import type { OrganizationMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toOrganizationMember } from "./member-row.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";
import { assertOwnersRemain } from "./owners-remain.js";
import { recordChange } from "./record-change.js";

/** Role, title and department (§3.4 step 3); admins manage non-owners and cannot grant owner. */
export async function updateOrganizationMember(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  userId: string,
  changes: { role?: GroupRole | undefined; title?: string | undefined; department?: string | undefined },
): Promise<OrganizationMember> {
  const member = await withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId, { lock: true });
    authorize(principal, "organization.members.manage", organizationResource(access));
    const select = `SELECT ${memberColumns("m", ["title", "department"])} FROM organization_members m
      JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND m.user_id = $2`;
    const [target] = await tx.query<MemberRow>(select, [organizationId, userId]);
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this organization`);
    const currentRole = target.role as GroupRole;
    const newRole = changes.role ?? currentRole;
    const isSelf = userId === principal.userId;
    authorize(
      principal,
      "organization.members.manage",
      organizationResource(access, { currentRole, newRole, isSelf }),
    );
    if (currentRole === "owner" && newRole !== "owner")
      await assertOwnersRemain(tx, "organization", organizationId, userId);
    await tx.query(
      `UPDATE organization_members SET role = $3, title = COALESCE($4, title), department = COALESCE($5, department)
       WHERE organization_id = $1 AND user_id = $2`,
      [organizationId, userId, newRole, changes.title ?? null, changes.department ?? null],
    );
    await recordChange(tx, {
      action: "organization.member_role_changed",
      tenantId: access.organization.tenant_id,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: {
        organization_id: organizationId,
        user_id: userId,
        from_role: currentRole,
        role: newRole,
        fields: Object.keys(changes),
      },
    });
    const [row] = await tx.query<MemberRow>(select, [organizationId, userId]);
    if (!row) throw new Error("membership disappeared while updating");
    return toOrganizationMember(row);
  });
  context.notifyEvents();
  return member;
}
