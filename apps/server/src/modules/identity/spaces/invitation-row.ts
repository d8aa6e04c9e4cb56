import type { Invitation } from "@tributary/contracts";

export interface InvitationRow {
  id: string;
  tenant_id: string;
  space_id: string;
  email: string;
  role: Invitation["role"];
  invited_by: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
}

export const invitationColumns =
  "i.id, i.tenant_id, i.space_id, i.email, i.role, i.invited_by, i.expires_at, i.accepted_at, i.revoked_at, i.created_at";

export function invitationStatus(row: InvitationRow, now = new Date()): Invitation["status"] {
  if (row.accepted_at) return "accepted";
  if (row.revoked_at) return "revoked";
  return row.expires_at.getTime() <= now.getTime() ? "expired" : "pending";
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    space_id: row.space_id,
    email: row.email,
    role: row.role,
    status: invitationStatus(row),
    invited_by: row.invited_by,
    expires_at: row.expires_at.toISOString(),
    accepted_at: row.accepted_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}
