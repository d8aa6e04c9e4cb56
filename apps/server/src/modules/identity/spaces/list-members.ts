import type { SpaceMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toSpaceMember } from "./member-row.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

export async function listMembers(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<SpaceMember>> {
  const after = decodeCursor(page.cursor, [uuidKey]);
  return withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId);
    authorize(principal, "members.read", spaceResource(access));
    const rows = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM space_members m JOIN users u ON u.id = m.user_id
       WHERE m.space_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2::uuid) ORDER BY m.user_id LIMIT $3`,
      [spaceId, after?.[0] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [row.user_id], toSpaceMember);
  });
}
