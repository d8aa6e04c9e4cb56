import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";
import { assertOwnersRemain } from "./owners-remain.js";
import { recordChange } from "./record-change.js";

/**
 * Removes a member (or lets one leave), and with it their membership of every team of the
 * organization (§3.4 step 4). The last owner cannot go.
 */
export async function removeOrganizationMember(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  userId: string,
): Promise<void> {
  await withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId, { lock: true });
    const isSelf = userId === principal.userId;
    authorize(
      principal,
      isSelf ? "organization.read" : "organization.members.manage",
      organizationResource(access),
    );
    const [target] = await tx.query<{ role: GroupRole }>(
      "SELECT role FROM organization_members WHERE organization_id = $1 AND user_id = $2",
      [organizationId, userId],
    );
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this organization`);
    const change = { currentRole: target.role, newRole: null, isSelf };
    authorize(principal, "organization.members.manage", organizationResource(access, change));
    if (target.role === "owner") await assertOwnersRemain(tx, "organization", organizationId, userId);
    await tx.query("DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2", [
      organizationId,
      userId,
    ]);
    const teams = await tx.query<{ team_id: string }>(
      `DELETE FROM team_members WHERE user_id = $1 AND team_id IN (SELECT id FROM teams WHERE organization_id = $2)
       RETURNING team_id`,
      [userId, organizationId],
    );
    await recordChange(tx, {
      action: "organization.member_removed",
      tenantId: access.organization.tenant_id,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: {
        organization_id: organizationId,
        user_id: userId,
        role: target.role,
        left: isSelf,
        removed_from_team_ids: teams.map((team) => team.team_id),
      },
    });
  });
  context.notifyEvents();
}
