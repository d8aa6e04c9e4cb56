import { z } from "zod";
import type { Principal, SpaceContext } from "../../../http/context.js";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";

const principalView = z.object({
  kind: z.string(),
  user_id: z.string(),
  scopes: z.array(z.string()).nullable(),
  platform_role: z.string(),
  restricted_to_space_id: z.string().nullable(),
  space_id: z.string().nullable(),
});

/** Test-only routes that echo the principal: one needing `documents:write`, one space-scoped. */
export function apiKeyProbeRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/test/documents",
      summary: "Test: needs documents:write",
      tags: ["test"],
      auth: "required",
      scopes: ["documents:write"],
      response: principalView,
      handler: async ({ principal, space }) => view(principal, space),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/test/space",
      summary: "Test: acts in the X-Space-ID space",
      tags: ["test"],
      auth: "required",
      space: true,
      response: principalView,
      handler: async ({ principal, space }) => view(principal, space),
    }),
  ];
}

function view(principal: Principal | null, space: SpaceContext | null): z.output<typeof principalView> {
  if (!principal) throw new Error("route requires a principal");
  return {
    kind: principal.kind,
    user_id: principal.userId,
    scopes: principal.scopes ? [...principal.scopes] : null,
    platform_role: principal.platformRole,
    restricted_to_space_id: principal.restrictedToSpaceId,
    space_id: space?.spaceId ?? null,
  };
}
