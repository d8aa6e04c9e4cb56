import type { Invitation } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type InvitationRow, invitationColumns, toInvitation } from "./invitation-row.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/** A space's invitations, newest last, with their status; never their tokens. */
export async function listInvitations(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Invitation>> {
  const after = decodeCursor(page.cursor, [uuidKey]);
  return withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId);
    authorize(principal, "invitations.manage", spaceResource(access));
    const rows = await tx.query<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations i
       WHERE i.space_id = $1 AND ($2::uuid IS NULL OR i.id > $2::uuid) ORDER BY i.id LIMIT $3`,
      [spaceId, after?.[0] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [row.id], toInvitation);
  });
}
