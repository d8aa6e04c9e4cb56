import type { Organization } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorizeScope, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type OrganizationRow, organizationColumns, toOrganization } from "./organization-access.js";

/** The organizations the caller belongs to, with their role, oldest first. */
export async function listOrganizations(
  context: IdentityContext,
  principal: Principal,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Organization>> {
  authorizeScope(principal, "organization.read");
  if (principal.restrictedToSpaceId !== null) return { data: [], next_cursor: null, has_more: false };
  const after = decodeCursor(page.cursor, [uuidKey]);
  const rows = await context.sql.withSystem((tx) =>
    tx.query<OrganizationRow & { role: GroupRole }>(
      `SELECT ${organizationColumns}, m.role FROM organization_members m JOIN organizations o ON o.id = m.organization_id
       WHERE m.user_id = $1 AND o.deleted_at IS NULL AND ($2::uuid IS NULL OR o.id > $2::uuid)
       ORDER BY o.id LIMIT $3`,
      [principal.userId, after?.[0] ?? null, page.limit + 1],
    ),
  );
  return toPage(
    rows,
    page.limit,
    (row) => [row.id],
    (row) => toOrganization(row, row.role),
  );
}
