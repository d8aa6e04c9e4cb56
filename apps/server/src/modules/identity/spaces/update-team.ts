import type { Team } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { recordChange } from "./record-change.js";
import {
  loadTeamAccess,
  type TeamRow,
  teamColumns,
  teamResource,
  toTeam,
  withTeamTenant,
} from "./team-access.js";

/** Name and description: team owners and admins, or the organization's owners and admins. */
export async function updateTeam(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
  changes: { name?: string | undefined; description?: string | undefined },
): Promise<Team> {
  const team = await withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId, { lock: true });
    authorize(principal, "team.update", teamResource(access));
    const [row] = await tx.query<TeamRow>(
      `UPDATE teams AS t SET name = COALESCE($2, name), description = COALESCE($3, description), updated_at = now()
       WHERE id = $1 RETURNING ${teamColumns}`,
      [teamId, changes.name ?? null, changes.description ?? null],
    );
    if (!row) throw new Error("team disappeared while updating");
    await recordChange(tx, {
      action: "team.updated",
      tenantId: row.tenant_id,
      actorUserId: principal.userId,
      targetType: "team",
      targetId: teamId,
      data: { team_id: teamId, organization_id: row.organization_id, fields: Object.keys(changes) },
    });
    return row;
  });
  context.notifyEvents();
  return toTeam(team);
}
