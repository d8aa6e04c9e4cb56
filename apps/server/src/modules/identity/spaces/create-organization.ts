import type { Organization } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { insertTenant } from "../insert-tenant.js";
import { spaceIdForTenant } from "../tenant-ids.js";
import { type OrganizationRow, organizationColumns, toOrganization } from "./organization-access.js";
import { recordChange } from "./record-change.js";

/**
 * An organization with its own tenant `tenant_<digits>` and space `space_<same digits>`; the
 * creator owns both. One transaction: all of it exists, or none.
 */
export async function createOrganization(
  context: IdentityContext,
  principal: Principal,
  input: { name: string; description?: string | undefined },
): Promise<Organization> {
  authorize(principal, "organization.create", { kind: "platform" });
  const organization = await context.sql.withSystem(async (tx) => {
    const tenantId = await insertTenant(tx, {
      kind: "organization",
      name: input.name,
      ownerUserId: principal.userId,
    });
    const spaceId = spaceIdForTenant(tenantId);
    const organizationId = uuidv7();
    const description = input.description ?? "";
    await tx.query(
      `INSERT INTO spaces (id, tenant_id, name, description, space_type, visibility, organization_id)
       VALUES ($1, $2, $3, $4, 'organization', 'organization', $5)`,
      [spaceId, tenantId, input.name, description, organizationId],
    );
    const [row] = await tx.query<OrganizationRow>(
      `INSERT INTO organizations AS o (id, tenant_id, space_id, name, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${organizationColumns}`,
      [organizationId, tenantId, spaceId, input.name, description, principal.userId],
    );
    if (!row) throw new Error("insert returned no organization");
    await tx.query(
      `INSERT INTO organization_members (tenant_id, organization_id, user_id, role, invited_by)
       VALUES ($1, $2, $3::uuid, 'owner', $3::text)`,
      [tenantId, organizationId, principal.userId],
    );
    await tx.query(
      `INSERT INTO space_members (tenant_id, space_id, user_id, role, invited_by) VALUES ($1, $2, $3::uuid, 'owner', $3::text)`,
      [tenantId, spaceId, principal.userId],
    );
    const change = { tenantId, spaceId, actorUserId: principal.userId };
    await recordChange(tx, {
      ...change,
      action: "organization.created",
      targetType: "organization",
      targetId: organizationId,
      data: { organization_id: organizationId, name: input.name, tenant_id: tenantId, space_id: spaceId },
    });
    await recordChange(tx, {
      ...change,
      action: "space.created",
      targetType: "space",
      targetId: spaceId,
      data: {
        space_id: spaceId,
        name: input.name,
        type: "organization",
        tenant_id: tenantId,
        organization_id: organizationId,
      },
    });
    return row;
  });
  context.notifyEvents();
  return toOrganization(organization, "owner");
}
