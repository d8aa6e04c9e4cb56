import type { AnyRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";

/** OIDC single sign-on (in progress). */
export function oidcRoutes(_context: IdentityContext): AnyRoute[] {
  return [];
}
