import type { User } from "@tributary/contracts";
import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { revokeAllSessions } from "../sessions.js";
import { toUser, type UserRow, userColumns } from "../user-row.js";
import { requirePlatformAdmin } from "./require-admin.js";

/**
 * Suspends or reactivates an account. Suspension ends every login at once (refresh tokens
 * revoked). Access tokens and API keys stop working at once on this node, whose user status
 * cache hears the change, and on other nodes when its broadcast arrives, or at the latest within
 * a second, when their entries expire. Setting the status it already has changes nothing.
 */
export async function setUserStatus(
  context: IdentityContext,
  caller: Principal | null,
  userId: string,
  status: "active" | "suspended",
  ip: string | null,
): Promise<User> {
  const admin = requirePlatformAdmin(caller);
  if (status === "suspended" && userId === admin.userId) {
    throw new AppError("UNPROCESSABLE", "You cannot suspend your own account");
  }
  const row = await context.sql.withSystem(async (tx) => {
    const [current] = await tx.query<UserRow>(`SELECT ${userColumns} FROM users WHERE id = $1 FOR UPDATE`, [
      userId,
    ]);
    if (!current) throw new AppError("NOT_FOUND", `User ${userId} not found`);
    if (current.status === status) return current;
    const [updated] = await tx.query<UserRow>(
      `UPDATE users SET status = $2, updated_at = now() WHERE id = $1 RETURNING ${userColumns}`,
      [userId, status],
    );
    if (!updated) throw new Error("user disappeared while changing status");
    if (status === "suspended") await revokeAllSessions(tx, userId);
    const action = status === "suspended" ? "user.suspended" : "user.reactivated";
    const tenantId = updated.personal_tenant_id;
    await recordAudit(tx, {
      action,
      tenantId,
      actorUserId: admin.userId,
      targetType: "user",
      targetId: userId,
      ip,
      details: { from: current.status, to: status },
    });
    await appendEvent(tx, {
      type: action,
      source: "identity",
      data: { user_id: userId, by_user_id: admin.userId, from: current.status, to: status },
      metadata: { tenant_id: tenantId ?? "platform", user_id: userId },
    });
    return updated;
  });
  context.notifyEvents();
  context.accessChanges.announce({ kind: "user", userId });
  return toUser(row);
}
