import type { Space } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { insertTenant } from "../insert-tenant.js";
import { spaceIdForTenant } from "../tenant-ids.js";
import { loadOrganizationAccess, organizationResource } from "./organization-access.js";
import { recordChange } from "./record-change.js";
import { type SpaceRow, spaceColumns, toSpace } from "./space-row.js";

export interface CreateSpaceInput {
  organization_id: string;
  name: string;
  description?: string | undefined;
  visibility?: Space["visibility"] | undefined;
  settings?: Record<string, unknown> | undefined;
}

/**
 * An additional space of an organization. A space maps 1:1 to a tenant (tas-identity-content §2.2:
 * `space_<digits>` is derived from `tenant_<digits>` and back), so each new space gets its own
 * organization-kind tenant, linked to the organization by `organization_id`. The creator owns it.
 */
export async function createSpace(
  context: IdentityContext,
  principal: Principal,
  input: CreateSpaceInput,
): Promise<Space> {
  const space = await context.sql.withSystem(async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, input.organization_id);
    authorize(principal, "organization.spaces.create", organizationResource(access));
    const tenantId = await insertTenant(tx, {
      kind: "organization",
      name: input.name,
      ownerUserId: principal.userId,
    });
    const spaceId = spaceIdForTenant(tenantId);
    const [row] = await tx.query<SpaceRow>(
      `INSERT INTO spaces AS s (id, tenant_id, name, description, space_type, visibility, organization_id, settings)
       VALUES ($1, $2, $3, $4, 'organization', $5, $6, $7) RETURNING ${spaceColumns}`,
      [
        spaceId,
        tenantId,
        input.name,
        input.description ?? "",
        input.visibility ?? "private",
        input.organization_id,
        JSON.stringify(input.settings ?? {}),
      ],
    );
    if (!row) throw new Error("insert returned no space");
    await tx.query(
      `INSERT INTO space_members (tenant_id, space_id, user_id, role, invited_by) VALUES ($1, $2, $3::uuid, 'owner', $3::text)`,
      [tenantId, spaceId, principal.userId],
    );
    await recordChange(tx, {
      action: "space.created",
      tenantId,
      spaceId,
      actorUserId: principal.userId,
      targetType: "space",
      targetId: spaceId,
      data: {
        space_id: spaceId,
        name: row.name,
        type: "organization",
        tenant_id: tenantId,
        organization_id: input.organization_id,
      },
    });
    return row;
  });
  context.notifyEvents();
  return toSpace(space, "owner", principal.userId);
}
