import type { Organization } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import {
  loadOrganizationAccess,
  organizationResource,
  toOrganization,
  withOrganizationTenant,
} from "./organization-access.js";

export async function getOrganization(
  context: IdentityContext,
  principal: Principal,
  organizationId: string,
): Promise<Organization> {
  return withOrganizationTenant(context, organizationId, async (tx) => {
    const access = await loadOrganizationAccess(tx, principal, organizationId);
    authorize(principal, "organization.read", organizationResource(access));
    return toOrganization(access.organization, access.role ?? "member");
  });
}
