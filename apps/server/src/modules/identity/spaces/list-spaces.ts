import type { Space } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage } from "../../../platform/pagination/index.js";
import { authorizeScope, can, type SpaceRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type SpaceRow, spaceColumns, toSpace } from "./space-row.js";

type Row = SpaceRow & { role: SpaceRole; rank: number };

/** The caller's spaces with their role: the personal (default) space first, then by id (creation order). */
export async function listSpaces(
  context: IdentityContext,
  principal: Principal,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Space>> {
  authorizeScope(principal, "space.read");
  const after = decodeCursor(page.cursor, ["number", "string"]);
  // A space spans tenants only for its members; this is identity's cross-tenant lookup.
  const rows = await context.sql.withSystem((tx) =>
    tx.query<Row>(
      `SELECT * FROM (
         SELECT ${spaceColumns}, m.role,
                CASE WHEN s.space_type = 'personal' AND s.owner_user_id = m.user_id THEN 0 ELSE 1 END AS rank
         FROM space_members m JOIN spaces s ON s.id = m.space_id
         WHERE m.user_id = $1 AND s.deleted_at IS NULL AND ($2::text IS NULL OR s.id = $2)
       ) listed
       WHERE $3::int IS NULL OR (rank, id) > ($3::int, $4::text)
       ORDER BY rank, id LIMIT $5`,
      [
        principal.userId,
        principal.restrictedToSpaceId,
        after?.[0] ?? null,
        after?.[1] ?? null,
        page.limit + 1,
      ],
    ),
  );
  const visible = rows.filter((row) =>
    can(principal, "space.read", { kind: "space", id: row.id, role: row.role }),
  );
  return toPage(
    visible,
    page.limit,
    (row) => [row.rank, row.id],
    (row) => toSpace(row, row.role, principal.userId),
  );
}
