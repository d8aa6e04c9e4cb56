import type { Organization } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { GroupRole, MemberChange, Resource } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";

export interface OrganizationRow {
  id: string;
  tenant_id: string;
  space_id: string;
  name: string;
  description: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export const organizationColumns =
  "o.id, o.tenant_id, o.space_id, o.name, o.description, o.created_by, o.created_at, o.updated_at";

export interface OrganizationAccess {
  readonly organization: OrganizationRow;
  readonly role: GroupRole | null;
}

/**
 * Runs `work` in an organization's tenant (looked up first in system mode, since an organization
 * id is a UUID), so row-level security confines it. An unknown or deleted organization is 404.
 */
export async function withOrganizationTenant<T>(
  context: IdentityContext,
  organizationId: string,
  work: (tx: SqlTx) => Promise<T>,
): Promise<T> {
  const [row] = await context.sql.withSystem((tx) =>
    tx.query<{ tenant_id: string }>(
      "SELECT tenant_id FROM organizations WHERE id = $1 AND deleted_at IS NULL",
      [organizationId],
    ),
  );
  if (!row) throw notFound(organizationId);
  return context.sql.withTenant(row.tenant_id, work);
}

export async function loadOrganizationAccess(
  tx: SqlTx,
  principal: Principal,
  organizationId: string,
  options: { lock?: boolean } = {},
): Promise<OrganizationAccess> {
  const [organization] = await tx.query<OrganizationRow>(
    `SELECT ${organizationColumns} FROM organizations o WHERE o.id = $1 AND o.deleted_at IS NULL${options.lock ? " FOR UPDATE" : ""}`,
    [organizationId],
  );
  if (!organization) throw notFound(organizationId);
  const [member] = await tx.query<{ role: GroupRole }>(
    "SELECT role FROM organization_members WHERE organization_id = $1 AND user_id = $2",
    [organizationId, principal.userId],
  );
  return { organization, role: member?.role ?? null };
}

export function organizationResource(access: OrganizationAccess, change?: MemberChange<GroupRole>): Resource {
  return {
    kind: "organization",
    id: access.organization.id,
    role: access.role,
    ...(change ? { change } : {}),
  };
}

export function toOrganization(row: OrganizationRow, role: GroupRole): Organization {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    space_id: row.space_id,
    name: row.name,
    description: row.description,
    role,
    created_by: row.created_by,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function notFound(organizationId: string): AppError {
  return new AppError("NOT_FOUND", `Organization ${organizationId} not found`);
}
