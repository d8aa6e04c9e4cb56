import type { OrganizationMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toOrganizationMember } from "./member-row.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";

export async function listOrganizationMembers(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<OrganizationMember>> {
  const after = decodeCursor(page.cursor, [uuidKey]);
  return withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId);
    authorize(principal, "organization.read", organizationResource(access));
    const rows = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m", ["title", "department"])} FROM organization_members m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = $1 AND ($2::uuid IS NULL OR m.user_id > $2::uuid) ORDER BY m.user_id LIMIT $3`,
      [organizationId, after?.[0] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [row.user_id], toOrganizationMember);
  });
}
