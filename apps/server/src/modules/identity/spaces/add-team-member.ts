import type { TeamMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { findUser } from "./find-user.js";
import { type MemberRow, memberColumns, toTeamMember } from "./member-row.js";
import { recordChange } from "./record-change.js";
import { loadTeamAccess, teamResource, withTeamTenant } from "./team-access.js";

/** Adds a member of the team's organization at once (§3.4 step 2); only owners grant owner. */
export async function addTeamMember(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
  input: { user_id?: string | undefined; email?: string | undefined; role: GroupRole },
): Promise<TeamMember> {
  const member = await withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId, { lock: true });
    const change = { currentRole: null, newRole: input.role, isSelf: false };
    authorize(principal, "team.members.manage", teamResource(access, change));
    const user = await findUser(tx, input);
    const [inOrganization] = await tx.query(
      "SELECT 1 FROM organization_members WHERE organization_id = $1 AND user_id = $2",
      [access.team.organization_id, user.id],
    );
    if (!inOrganization) {
      throw new AppError(
        "UNPROCESSABLE",
        "Add this user to the organization before adding them to one of its teams",
        {
          details: { reason: "not_organization_member", user_id: user.id },
        },
      );
    }
    const [existing] = await tx.query("SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2", [
      teamId,
      user.id,
    ]);
    if (existing)
      throw new AppError("CONFLICT", "This user is already a member of the team", {
        details: { user_id: user.id },
      });
    await tx.query(
      "INSERT INTO team_members (tenant_id, team_id, user_id, role, invited_by) VALUES ($1, $2, $3, $4, $5)",
      [access.team.tenant_id, teamId, user.id, input.role, principal.userId],
    );
    await recordChange(tx, {
      action: "team.member_added",
      tenantId: access.team.tenant_id,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: user.id,
      data: {
        team_id: teamId,
        organization_id: access.team.organization_id,
        user_id: user.id,
        role: input.role,
      },
    });
    const [row] = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id = $1 AND m.user_id = $2`,
      [teamId, user.id],
    );
    if (!row) throw new Error("membership disappeared while adding");
    return toTeamMember(row);
  });
  context.notifyEvents();
  return member;
}
