import { uuidv7 } from "uuidv7";
import type { SqlTx } from "../../platform/sql/index.js";

export type AuditAction =
  | "user.registered"
  | "user.login_succeeded"
  | "user.login_failed"
  | "user.logged_out"
  | "user.suspended"
  | "user.reactivated"
  | "user.updated"
  | "user.email_verified"
  | "user.password_reset_requested"
  | "user.password_reset"
  | "user.password_changed"
  | "session.family_revoked"
  | "api_key.created"
  | "api_key.revoked"
  | "space.created"
  | "space.updated"
  | "space.deleted"
  | "space.member_added"
  | "space.member_role_changed"
  | "space.member_removed"
  | "invitation.created"
  | "invitation.accepted"
  | "invitation.revoked"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organization.member_added"
  | "organization.member_role_changed"
  | "organization.member_removed"
  | "team.created"
  | "team.updated"
  | "team.deleted"
  | "team.member_added"
  | "team.member_role_changed"
  | "team.member_removed"
  | "tenant.quotas_changed"
  | "instance.updated";

export interface AuditEntry {
  action: AuditAction;
  tenantId?: string | null;
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit event in the caller's transaction (kept for the governance module). */
export async function recordAudit(tx: SqlTx, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (id, tenant_id, actor_user_id, action, target_type, target_id, ip, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      uuidv7(),
      entry.tenantId ?? null,
      entry.actorUserId ?? null,
      entry.action,
      entry.targetType ?? "",
      entry.targetId ?? "",
      entry.ip ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
