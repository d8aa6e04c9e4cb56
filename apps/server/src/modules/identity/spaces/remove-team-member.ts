import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { recordChange } from "./record-change.js";
import { loadTeamAccess, teamResource, withTeamTenant } from "./team-access.js";

/**
 * Removes a team member (or lets one leave). No last-owner rule here: the organization's owners
 * and admins always manage its teams.
 */
export async function removeTeamMember(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
  userId: string,
): Promise<void> {
  await withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId, { lock: true });
    const isSelf = userId === principal.userId;
    authorize(principal, isSelf ? "team.read" : "team.members.manage", teamResource(access));
    const [target] = await tx.query<{ role: GroupRole }>(
      "SELECT role FROM team_members WHERE team_id = $1 AND user_id = $2",
      [teamId, userId],
    );
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this team`);
    authorize(
      principal,
      "team.members.manage",
      teamResource(access, { currentRole: target.role, newRole: null, isSelf }),
    );
    await tx.query("DELETE FROM team_members WHERE team_id = $1 AND user_id = $2", [teamId, userId]);
    await recordChange(tx, {
      action: "team.member_removed",
      tenantId: access.team.tenant_id,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: {
        team_id: teamId,
        organization_id: access.team.organization_id,
        user_id: userId,
        role: target.role,
        left: isSelf,
      },
    });
  });
  context.notifyEvents();
}
