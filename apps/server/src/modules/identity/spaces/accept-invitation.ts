import type { Space } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { hashToken } from "../../../platform/crypto/index.js";
import { AppError, assertNever } from "../../../platform/errors/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { findUser } from "./find-user.js";
import { type InvitationRow, invitationColumns, invitationStatus } from "./invitation-row.js";
import { recordChange } from "./record-change.js";
import { type SpaceRow, spaceColumns, toSpace } from "./space-row.js";

/**
 * Joins the invited space. Only the invited (and, with SMTP, verified) email may accept, once:
 * the row is locked, so two simultaneous accepts cannot both succeed. Runs in system mode because
 * a token names no tenant until it is looked up.
 */
export async function acceptInvitation(
  context: IdentityContext,
  principal: Principal,
  token: string,
): Promise<Space> {
  authorize(principal, "invitation.accept", { kind: "platform" });
  const space = await context.sql.withSystem(async (tx) => {
    const [invitation] = await tx.query<InvitationRow>(
      `SELECT ${invitationColumns} FROM invitations i JOIN spaces s ON s.id = i.space_id
       WHERE i.token_hash = $1 AND s.deleted_at IS NULL FOR UPDATE OF i`,
      [hashToken(token)],
    );
    if (!invitation)
      throw new AppError("NOT_FOUND", "Invitation not found", {
        details: { reason: "invitation_not_found" },
      });
    const user = await findUser(tx, { user_id: principal.userId });
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", "This invitation was sent to another email address", {
        details: { reason: "invitation_email_mismatch" },
      });
    }
    if (!user.email_verified) {
      throw new AppError("FORBIDDEN", "Verify your email address before accepting invitations", {
        details: { reason: "email_not_verified" },
      });
    }
    refuseUnlessPending(invitationStatus(invitation));
    const [existing] = await tx.query("SELECT 1 FROM space_members WHERE space_id = $1 AND user_id = $2", [
      invitation.space_id,
      user.id,
    ]);
    if (existing)
      throw new AppError("CONFLICT", "You are already a member of this space", {
        details: { reason: "already_member" },
      });
    await tx.query(
      "INSERT INTO space_members (tenant_id, space_id, user_id, role, invited_by) VALUES ($1, $2, $3, $4, $5)",
      [invitation.tenant_id, invitation.space_id, user.id, invitation.role, invitation.invited_by],
    );
    await tx.query("UPDATE invitations SET accepted_at = now(), accepted_by = $2 WHERE id = $1", [
      invitation.id,
      user.id,
    ]);
    const change = { tenantId: invitation.tenant_id, spaceId: invitation.space_id, actorUserId: user.id };
    await recordChange(tx, {
      ...change,
      action: "invitation.accepted",
      targetType: "invitation",
      targetId: invitation.id,
      data: { invitation_id: invitation.id, space_id: invitation.space_id, user_id: user.id },
    });
    await recordChange(tx, {
      ...change,
      action: "space.member_added",
      targetType: "user",
      targetId: user.id,
      data: {
        space_id: invitation.space_id,
        user_id: user.id,
        role: invitation.role,
        invitation_id: invitation.id,
      },
    });
    const [row] = await tx.query<SpaceRow>(`SELECT ${spaceColumns} FROM spaces s WHERE s.id = $1`, [
      invitation.space_id,
    ]);
    if (!row) throw new Error("space disappeared while accepting");
    return { row, role: invitation.role };
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "membership", userId: principal.userId, spaceId: space.row.id });
  return toSpace(space.row, space.role, principal.userId);
}

/** The error for an invitation that can no longer be accepted (shared with the public preview). */
export function refuseUnlessPending(status: ReturnType<typeof invitationStatus>): void {
  switch (status) {
    case "pending":
      return;
    case "accepted":
      throw new AppError("CONFLICT", "This invitation has already been used", {
        details: { reason: "invitation_used" },
      });
    case "revoked":
      throw new AppError("UNPROCESSABLE", "This invitation was revoked", {
        details: { reason: "invitation_revoked" },
      });
    case "expired":
      throw new AppError("UNPROCESSABLE", "This invitation has expired; ask for a new one", {
        details: { reason: "invitation_expired" },
      });
    default:
      assertNever(status);
  }
}
