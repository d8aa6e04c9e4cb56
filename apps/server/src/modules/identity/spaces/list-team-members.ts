import type { TeamMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toTeamMember } from "./member-row.js";
import { loadTeamAccess, teamResource, withTeamTenant } from "./team-access.js";

export async function listTeamMembers(
  context: IdentityContext,
  principal: Principal,
  teamId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<TeamMember>> {
  const after = decodeCursor(page.cursor, [uuidKey]);
  return withTeamTenant(context, teamId, async (tx) => {
    const access = await loadTeamAccess(tx, principal, teamId);
    authorize(principal, "team.read", teamResource(access));
    const rows = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM team_members m JOIN users u ON u.id = m.user_id
       WHERE m.team_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2::uuid) ORDER BY m.user_id LIMIT $3`,
      [teamId, after?.[0] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [row.user_id], toTeamMember);
  });
}
