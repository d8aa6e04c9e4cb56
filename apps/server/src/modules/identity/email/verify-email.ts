import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { consumeEmailToken } from "./email-tokens.js";
import { requireSmtp } from "./mailer.js";

/** Marks the address verified. The link works once, until it expires, and only for the address it was sent to. */
export async function verifyEmail(context: IdentityContext, token: string, ip: string | null): Promise<void> {
  requireSmtp(context);
  await context.sql.withSystem(async (tx) => {
    const used = await consumeEmailToken(tx, token, "verify_email");
    const [user] = used
      ? await tx.query<{ personal_tenant_id: string | null }>(
          `UPDATE users SET email_verified = true, updated_at = now()
           WHERE id = $1 AND lower(email) = lower($2) RETURNING personal_tenant_id`,
          [used.userId, used.email],
        )
      : [];
    if (!used || !user) {
      throw new AppError("VALIDATION_ERROR", "This verification link is invalid, used or expired", {
        details: { field: "token" },
      });
    }
    await recordAudit(tx, {
      action: "user.email_verified",
      tenantId: user.personal_tenant_id,
      actorUserId: used.userId,
      targetType: "user",
      targetId: used.userId,
      ip,
      details: { email: used.email },
    });
    await appendEvent(tx, {
      type: "user.email_verified",
      source: "identity",
      data: { user_id: used.userId, email: used.email },
      metadata: { tenant_id: user.personal_tenant_id ?? "platform", user_id: used.userId },
    });
  });
  context.notifyEvents();
}
