import type { AnyRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";

/** Platform administration: users, tenants, quotas (in progress). */
export function adminRoutes(_context: IdentityContext): AnyRoute[] {
  return [];
}
