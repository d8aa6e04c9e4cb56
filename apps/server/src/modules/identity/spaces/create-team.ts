import type { Team } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";
import { recordChange } from "./record-change.js";
import { type TeamRow, teamColumns, toTeam } from "./team-access.js";

/** A team inside an organization (its owners and admins create them); the creator owns it (§3.4 step 1). */
export async function createTeam(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  input: { name: string; description?: string | undefined },
): Promise<Team> {
  const team = await withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId);
    authorize(principal, "organization.teams.create", organizationResource(access));
    const tenantId = access.organization.tenant_id;
    const [row] = await tx.query<TeamRow>(
      `INSERT INTO teams AS t (id, tenant_id, organization_id, name, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${teamColumns}`,
      [uuidv7(), tenantId, organizationId, input.name, input.description ?? "", principal.userId],
    );
    if (!row) throw new Error("insert returned no team");
    await tx.query(
      "INSERT INTO team_members (tenant_id, team_id, user_id, role, invited_by) VALUES ($1, $2, $3::uuid, 'owner', $3::text)",
      [tenantId, row.id, principal.userId],
    );
    await recordChange(tx, {
      action: "team.created",
      tenantId,
      actorUserId: principal.userId,
      targetType: "team",
      targetId: row.id,
      data: { team_id: row.id, organization_id: organizationId, name: row.name },
    });
    return row;
  });
  context.notifyEvents();
  return toTeam(team);
}
