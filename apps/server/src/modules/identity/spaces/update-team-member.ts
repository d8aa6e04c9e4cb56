import type { TeamMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toTeamMember } from "./member-row.js";
import { recordChange } from "./record-change.js";
import { loadTeamAccess, teamResource, withTeamTenant } from "./team-access.js";

/**
 * Changes a team member's role, with the rules of adding one: team and organization owners and
 * admins manage members, only owners grant or take away owner. No last-owner rule, as for
 * removal: the organization's owners and admins always manage its teams.
 */
export async function updateTeamMember(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
  userId: string,
  role: GroupRole,
): Promise<TeamMember> {
  const member = await withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId, { lock: true });
    authorize(principal, "team.members.manage", teamResource(access));
    const [target] = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id = $1 AND m.user_id = $2`,
      [teamId, userId],
    );
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this team`);
    const currentRole = target.role as GroupRole;
    const isSelf = userId === principal.userId;
    authorize(principal, "team.members.manage", teamResource(access, { currentRole, newRole: role, isSelf }));
    if (currentRole === role) return toTeamMember(target);
    await tx.query("UPDATE team_members SET role = $3 WHERE team_id = $1 AND user_id = $2", [
      teamId,
      userId,
      role,
    ]);
    await recordChange(tx, {
      action: "team.member_role_changed",
      tenantId: access.team.tenant_id,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: {
        team_id: teamId,
        organization_id: access.team.organization_id,
        user_id: userId,
        from_role: currentRole,
        role,
      },
    });
    return toTeamMember({ ...target, role });
  });
  context.notifyEvents();
  return member;
}
