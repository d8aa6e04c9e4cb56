import { usageQuerySchema, usageResponseSchema } from "@tributary/contracts";
import type { Principal, SpaceContext } from "../../../http/context.js";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { AppError } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { type LabelGroups, queryUsage, type UsageViewer } from "../query-usage.js";

export interface UsageRouteDeps {
  readonly sql: Sql;
  /** Names for key, user and space groups; without it groups carry ids only. */
  readonly labelGroups?: LabelGroups;
}

/** API key scopes that may read usage: anyone who may call the gateway or read spaces. */
const readScopes = ["gateway:invoke", "spaces:read", "spaces:write", "admin"];

/** `GET /api/v1/usage`: the gateway usage of the X-Space-ID space's tenant, as the caller may see it. */
export function usageRoutes(deps: UsageRouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/usage",
      summary: "Gateway usage: totals and an hourly or daily series, optionally grouped",
      description:
        "Acts in the X-Space-ID space's tenant. Owners and admins of that space see every call of the " +
        "tenant; other members see only their own. Times are UTC; buckets without calls are left out.",
      tags: ["usage"],
      auth: "required",
      space: true,
      query: usageQuerySchema,
      response: usageResponseSchema,
      handler: ({ principal, space, query }) =>
        queryUsage(deps.sql, viewerOf(principal, space), query, new Date(), deps.labelGroups),
    }),
  ];
}

function viewerOf(principal: Principal | null, space: SpaceContext | null): UsageViewer {
  if (!principal || !space) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (principal.scopes !== null && !principal.scopes.some((scope) => readScopes.includes(scope))) {
    throw new AppError(
      "FORBIDDEN",
      `This API key lacks a scope needed to read usage (one of ${readScopes.join(", ")})`,
      {
        details: { required_scopes: readScopes },
      },
    );
  }
  return {
    tenantId: space.tenantId,
    userId: principal.userId,
    seesWholeTenant: space.role === "owner" || space.role === "admin",
    restrictedToSpaceId: principal.restrictedToSpaceId,
  };
}
