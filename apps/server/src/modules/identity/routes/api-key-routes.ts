import type { AnyRoute } from "../../../http/route-builder.js";
import type { IdentityContext } from "../identity-context.js";

/** API keys (in progress). */
export function apiKeyRoutes(_context: IdentityContext): AnyRoute[] {
  return [];
}
