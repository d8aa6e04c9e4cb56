import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { hashPassword } from "../password.js";
import { revokeAllSessions } from "../sessions.js";
import { consumeEmailToken, retireEmailTokens } from "./email-tokens.js";
import { requireSmtp } from "./mailer.js";

/**
 * Sets a new password from a reset link and signs the account out everywhere. The link proves
 * control of the address, so it also counts as verifying it; other reset links stop working.
 */
export async function confirmPasswordReset(
  context: IdentityContext,
  token: string,
  password: string,
  ip: string | null,
): Promise<void> {
  requireSmtp(context);
  const passwordHash = await hashPassword(password);
  await context.sql.withSystem(async (tx) => {
    const used = await consumeEmailToken(tx, token, "password_reset");
    const [user] = used
      ? await tx.query<{ personal_tenant_id: string | null }>(
          `UPDATE users SET password_hash = $2, email_verified = true, updated_at = now()
           WHERE id = $1 AND lower(email) = lower($3) AND status = 'active' RETURNING personal_tenant_id`,
          [used.userId, passwordHash, used.email],
        )
      : [];
    if (!used || !user) {
      throw new AppError("VALIDATION_ERROR", "This password reset link is invalid, used or expired", {
        details: { field: "token" },
      });
    }
    await retireEmailTokens(tx, used.userId, "password_reset");
    await revokeAllSessions(tx, used.userId);
    await recordAudit(tx, {
      action: "user.password_reset",
      tenantId: user.personal_tenant_id,
      actorUserId: used.userId,
      targetType: "user",
      targetId: used.userId,
      ip,
    });
    await appendEvent(tx, {
      type: "user.password_reset",
      source: "identity",
      data: { user_id: used.userId },
      metadata: { tenant_id: user.personal_tenant_id ?? "platform", user_id: used.userId },
    });
  });
  context.notifyEvents();
}
