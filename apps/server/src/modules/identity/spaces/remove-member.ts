import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type SpaceRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { assertOwnersRemain } from "./owners-remain.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/** Removes a member (or lets a member leave); the last owner cannot go. */
export async function removeMember(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  userId: string,
): Promise<void> {
  await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId, { lock: true });
    const isSelf = userId === principal.userId;
    // Members may see who else is in the space; only managers (or the member leaving) go further.
    authorize(principal, isSelf ? "members.read" : "members.manage", spaceResource(access));
    const [target] = await tx.query<{ role: SpaceRole }>(
      "SELECT role FROM space_members WHERE space_id = $1 AND user_id = $2",
      [spaceId, userId],
    );
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this space`);
    authorize(
      principal,
      "members.manage",
      spaceResource(access, { currentRole: target.role, newRole: null, isSelf }),
    );
    if (target.role === "owner") await assertOwnersRemain(tx, "space", spaceId, userId);
    await tx.query("DELETE FROM space_members WHERE space_id = $1 AND user_id = $2", [spaceId, userId]);
    await recordChange(tx, {
      action: "space.member_removed",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: { space_id: spaceId, user_id: userId, role: target.role, left: isSelf },
    });
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "membership", userId, spaceId });
}
