import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { recordChange } from "./record-change.js";
import { loadTeamAccess, teamResource, withTeamTenant } from "./team-access.js";

/**
 * Deletes a team and its memberships (team owners, or the organization's owners). Teams own no
 * content yet; when notebooks can be assigned to teams they are reassigned, not deleted (§6 N11).
 */
export async function deleteTeam(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
): Promise<void> {
  await withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId, { lock: true });
    authorize(principal, "team.delete", teamResource(access));
    await tx.query("DELETE FROM teams WHERE id = $1", [teamId]);
    await recordChange(tx, {
      action: "team.deleted",
      tenantId: access.team.tenant_id,
      actorUserId: principal.userId,
      targetType: "team",
      targetId: teamId,
      data: { team_id: teamId, organization_id: access.team.organization_id, name: access.team.name },
    });
  });
  context.notifyEvents();
}
