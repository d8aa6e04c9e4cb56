import type { SpaceMember } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize, type SpaceRole } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { findUser } from "./find-user.js";
import { type MemberRow, memberColumns, toSpaceMember } from "./member-row.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/** Adds an existing user with a role; only owners grant owner (§6 M5). */
export async function addMember(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  input: { user_id?: string | undefined; email?: string | undefined; role: SpaceRole },
): Promise<SpaceMember> {
  const member = await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId, { lock: true });
    authorize(
      principal,
      "members.manage",
      spaceResource(access, { currentRole: null, newRole: input.role, isSelf: false }),
    );
    const user = await findUser(tx, input);
    const [existing] = await tx.query("SELECT 1 FROM space_members WHERE space_id = $1 AND user_id = $2", [
      spaceId,
      user.id,
    ]);
    if (existing)
      throw new AppError("CONFLICT", "This user is already a member of the space", {
        details: { user_id: user.id },
      });
    await tx.query(
      "INSERT INTO space_members (tenant_id, space_id, user_id, role, invited_by) VALUES ($1, $2, $3, $4, $5)",
      [access.space.tenant_id, spaceId, user.id, input.role, principal.userId],
    );
    await recordChange(tx, {
      action: "space.member_added",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "user",
      targetId: user.id,
      data: { space_id: spaceId, user_id: user.id, role: input.role },
    });
    const [row] = await tx.query<MemberRow>(
      `SELECT ${memberColumns("m")} FROM space_members m JOIN users u ON u.id = m.user_id
       WHERE m.space_id = $1 AND m.user_id = $2`,
      [spaceId, user.id],
    );
    if (!row) throw new Error("membership disappeared while adding");
    return toSpaceMember(row);
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "membership", userId: member.user_id, spaceId });
  return member;
}
