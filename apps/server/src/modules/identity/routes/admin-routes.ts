import {
  adminTenantIdParamsSchema,
  adminTenantListQuerySchema,
  adminTenantSchema,
  adminUserIdParamsSchema,
  adminUserListQuerySchema,
  pageSchema,
  updateTenantRequestSchema,
  userSchema,
} from "@tributary/contracts";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { listTenants } from "../admin/list-tenants.js";
import { listUsers } from "../admin/list-users.js";
import { setUserStatus } from "../admin/set-user-status.js";
import { updateTenant } from "../admin/update-tenant.js";
import type { IdentityContext } from "../identity-context.js";

const tags = ["admin"];
// Sessions of platform admins pass; an API key also needs the admin scope.
const scopes = ["admin"];

/** Platform administration: users, tenants, plans and quotas. Platform admins only. */
export function adminRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/admin/users",
      summary: "List every account, by status or part of the email",
      tags,
      auth: "required",
      scopes,
      query: adminUserListQuerySchema,
      response: pageSchema(userSchema),
      handler: ({ principal, query }) => listUsers(context, principal, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/admin/users/:id/suspend",
      summary: "Suspend an account: its logins end now, its tokens and keys within a second",
      tags,
      auth: "required",
      scopes,
      params: adminUserIdParamsSchema,
      response: userSchema,
      handler: ({ principal, params, request }) =>
        setUserStatus(context, principal, params.id, "suspended", request.ip),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/admin/users/:id/reactivate",
      summary: "Reactivate a suspended account",
      tags,
      auth: "required",
      scopes,
      params: adminUserIdParamsSchema,
      response: userSchema,
      handler: ({ principal, params, request }) =>
        setUserStatus(context, principal, params.id, "active", request.ip),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/admin/tenants",
      summary: "List tenants with their plan and effective quotas",
      tags,
      auth: "required",
      scopes,
      query: adminTenantListQuerySchema,
      response: pageSchema(adminTenantSchema),
      handler: ({ principal, query }) => listTenants(context, principal, query),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/admin/tenants/:tenant_id",
      summary: "Change a tenant's plan and quotas (0 means unlimited)",
      tags,
      auth: "required",
      scopes,
      params: adminTenantIdParamsSchema,
      body: updateTenantRequestSchema,
      response: adminTenantSchema,
      handler: ({ principal, params, body, request }) =>
        updateTenant(context, principal, params.tenant_id, body, request.ip),
    }),
  ];
}
