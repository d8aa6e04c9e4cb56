import type { SpaceMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type SpaceRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type MemberRow, memberColumns, toSpaceMember } from "./member-row.js";
import { assertOwnersRemain } from "./owners-remain.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/** Changes a member's role: admins manage non-owners and cannot grant owner; an owner always remains. */
export async function updateMember(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  userId: string,
  role: SpaceRole,
): Promise<SpaceMember> {
  const member = await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId, { lock: true });
    authorize(principal, "members.manage", spaceResource(access));
    const [target] = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM space_members m JOIN users u ON u.id = m.user_id
       WHERE m.space_id = $1 AND m.user_id = $2`,
      [spaceId, userId],
    );
    if (!target) throw new AppError("NOT_FOUND", `User ${userId} is not a member of this space`);
    const currentRole = target.role as SpaceRole;
    const isSelf = userId === principal.userId;
    authorize(principal, "members.manage", spaceResource(access, { currentRole, newRole: role, isSelf }));
    if (currentRole === role) return toSpaceMember(target);
    if (currentRole === "owner") await assertOwnersRemain(tx, "space", spaceId, userId);
    await tx.query("UPDATE space_members SET role = $3 WHERE space_id = $1 AND user_id = $2", [
      spaceId,
      userId,
      role,
    ]);
    await recordChange(tx, {
      action: "space.member_role_changed",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: userId,
      data: { space_id: spaceId, user_id: userId, from_role: currentRole, role },
    });
    return toSpaceMember({ ...target, role });
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "membership", userId, spaceId });
  return member;
}
