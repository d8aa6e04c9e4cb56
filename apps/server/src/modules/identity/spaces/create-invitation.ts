import type { CreatedInvitation, Invitation } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../platform/auth/index.js";
import { hashToken, newOpaqueToken } from "../../../platform/crypto/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { authorize } from "../authorization.js";
import type { IdentityContext } from "../identity-context.js";
import { type InvitationRow, invitationColumns, toInvitation } from "./invitation-row.js";
import { recordChange } from "./record-change.js";
import { loadSpaceAccess, spaceResource, withSpaceTenant } from "./space-access.js";

export const invitationTokenPrefix = "tinv_";

/**
 * Invites an email address into a space. The single-use token is returned only here; the database
 * keeps its hash. Delivery by email is the mailer's job when SMTP is configured.
 */
export async function createInvitation(
  context: IdentityContext,
  principal: Principal,
  spaceId: string,
  input: { email: string; role: Invitation["role"] },
): Promise<CreatedInvitation> {
  const token = newOpaqueToken(invitationTokenPrefix);
  const invitation = await withSpaceTenant(context, spaceId, async (tx) => {
    const access = await loadSpaceAccess(tx, principal, spaceId);
    authorize(principal, "invitations.manage", spaceResource(access));
    const [member] = await tx.query(
      `SELECT 1 FROM space_members m JOIN users u ON u.id = m.user_id
       WHERE m.space_id = $1 AND lower(u.email) = lower($2)`,
      [spaceId, input.email],
    );
    if (member)
      throw new AppError("CONFLICT", "This email already belongs to a member of the space", {
        details: { field: "email" },
      });
    const [row] = await tx.query<InvitationRow>(
      `INSERT INTO invitations AS i (id, tenant_id, space_id, email, role, token_hash, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING ${invitationColumns}`,
      [
        uuidv7(),
        access.space.tenant_id,
        spaceId,
        input.email,
        input.role,
        hashToken(token),
        principal.userId,
        context.config.invitationTtlHours,
      ],
    );
    if (!row) throw new Error("insert returned no invitation");
    await recordChange(tx, {
      action: "invitation.created",
      tenantId: access.space.tenant_id,
      spaceId,
      actorUserId: principal.userId,
      targetType: "invitation",
      targetId: row.id,
      data: { invitation_id: row.id, space_id: spaceId, email: row.email, role: row.role },
    });
    return row;
  });
  context.notifyEvents();
  return { ...toInvitation(invitation), token };
}
