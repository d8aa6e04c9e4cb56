import type { InvitationPreview } from "@tributary/contracts";
import { hashToken } from "../../../platform/crypto/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { IdentityContext } from "../identity-context.js";
import { refuseUnlessPending } from "./accept-invitation.js";
import { type InvitationRow, invitationColumns, invitationStatus } from "./invitation-row.js";

interface PreviewRow extends InvitationRow {
  space_name: string;
  inviter_first_name: string | null;
  inviter_last_name: string | null;
}

/**
 * What an invitation link shows before it is accepted. Public, because the token is the secret:
 * it answers only for a pending invitation, and masks the address so a forwarded link does not
 * reveal it. Used, revoked and expired invitations answer the same errors as accepting them.
 */
export async function previewInvitation(context: IdentityContext, token: string): Promise<InvitationPreview> {
  const [row] = await context.sql.withSystem((tx) =>
    tx.query<PreviewRow>(
      `SELECT ${invitationColumns}, s.name AS space_name,
              u.first_name AS inviter_first_name, u.last_name AS inviter_last_name
       FROM invitations i JOIN spaces s ON s.id = i.space_id LEFT JOIN users u ON u.id = i.invited_by
       WHERE i.token_hash = $1 AND s.deleted_at IS NULL`,
      [hashToken(token)],
    ),
  );
  if (!row)
    throw new AppError("NOT_FOUND", "Invitation not found", { details: { reason: "invitation_not_found" } });
  refuseUnlessPending(invitationStatus(row));
  const inviter = [row.inviter_first_name, row.inviter_last_name].filter(Boolean).join(" ").trim();
  return {
    space_id: row.space_id,
    space_name: row.space_name,
    role: row.role,
    invited_by_name: inviter || null,
    email: maskEmail(row.email),
    expires_at: row.expires_at.toISOString(),
    status: "pending",
  };
}

/** `alice@example.com` → `a***@example.com`: enough to recognise one's own address, not to learn it. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}
