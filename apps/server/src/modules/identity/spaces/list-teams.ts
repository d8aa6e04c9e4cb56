import type { Team } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";
import { type TeamRow, teamColumns, toTeam } from "./team-access.js";

/** An organization's teams (visible to all its members: team visibility is `organization`, §2.5). */
export async function listTeams(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Team>> {
  const after = decodeCursor(page.cursor, [uuidKey]);
  return withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId);
    authorize(principal, "organization.read", organizationResource(access));
    const rows = await tx.query<TeamRow>(
      `SELECT ${teamColumns} FROM teams t WHERE t.organization_id = $1 AND ($2::uuid IS NULL OR t.id > $2::uuid)
       ORDER BY t.id LIMIT $3`,
      [organizationId, after?.[0] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [row.id], toTeam);
  });
}
