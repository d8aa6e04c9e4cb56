import type { OrganizationMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type GroupRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { findUser } from "./find-user.js";
import { type MemberRow, memberColumns, toOrganizationMember } from "./member-row.js";
import {
  loadOrganizationAccess,
  organizationResource,
  withOrganizationTenant,
} from "./organization-access.js";
import { recordChange } from "./record-change.js";

/** Adds an existing user at once (§6 M8); only owners grant owner. */
export async function addOrganizationMember(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
  input: {
    user_id?: string | undefined;
    email?: string | undefined;
    role: GroupRole;
    title?: string | undefined;
    department?: string | undefined;
  },
): Promise<OrganizationMember> {
  const member = await withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId, { lock: true });
    const change = { currentRole: null, newRole: input.role, isSelf: false };
    authorize(principal, "organization.members.manage", organizationResource(access, change));
    const user = await findUser(tx, input);
    const [existing] = await tx.query(
      "SELECT 1 FROM organization_members WHERE organization_id = $1 AND user_id = $2",
      [organizationId, user.id],
    );
    if (existing) {
      throw new AppError("CONFLICT", "This user is already a member of the organization", {
        details: { user_id: user.id },
      });
    }
    const tenantId = access.organization.tenant_id;
    await tx.query(
      `INSERT INTO organization_members (tenant_id, organization_id, user_id, role, title, department, invited_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        organizationId,
        user.id,
        input.role,
        input.title ?? "",
        input.department ?? "",
        principal.userId,
      ],
    );
    await recordChange(tx, {
      action: "organization.member_added",
      tenantId,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: user.id,
      data: { organization_id: organizationId, user_id: user.id, role: input.role },
    });
    const [row] = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m", ["title", "department"])} FROM organization_members m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = $1 AND m.user_id = $2`,
      [organizationId, user.id],
    );
    if (!row) throw new Error("membership disappeared while adding");
    return toOrganizationMember(row);
  });
  context.notifyEvents();
  return member;
}
