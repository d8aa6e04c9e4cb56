import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type InvitationRow, invitationColumns, invitationStatus } from "./invitation-row.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

/** Revokes a pending invitation; its token stops working at once. */
export async function revokeInvitation(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  invitationId: string,
): Promise<void> {
  await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId);
    authorize(principal, "invitations.manage", spaceResource(access));
    const [row] = await tx.query<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations i WHERE i.id = $1 AND i.space_id = $2 FOR UPDATE`,
      [invitationId, spaceId],
    );
    if (!row) throw new AppError("NOT_FOUND", `Invitation ${invitationId} not found`);
    const status = invitationStatus(row);
    if (status === "accepted" || status === "revoked") {
      throw new AppError("CONFLICT", `This invitation is already ${status}`, {
        details: { reason: `invitation_${status}` },
      });
    }
    await tx.query("UPDATE invitations SET revoked_at = now() WHERE id = $1", [invitationId]);
    await recordChange(tx, {
      action: "invitation.revoked",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "invitation",
      targetId: invitationId,
      data: { invitation_id: invitationId, space_id: spaceId },
    });
  });
  context.notifyEvents();
}
