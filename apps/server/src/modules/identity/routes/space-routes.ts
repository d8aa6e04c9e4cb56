import type { AnyRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";

/** Spaces, members, invitations, organizations and teams (in progress). */
export function spaceRoutes(_context: IdentityContext): AnyRoute[] {
  return [];
}
