import type { Space } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";
import { toSpace } from "./space-row.js";

export async function getSpace(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
): Promise<Space> {
  return withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId);
    authorize(principal, "space.read", spaceResource(access));
    return toSpace(access.space, access.role ?? "viewer", principal.userId);
  });
}
