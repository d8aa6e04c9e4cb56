import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { passwordResetMail, passwordResetTtlSeconds } from "./email-messages.js";
import { issueEmailToken } from "./email-tokens.js";
import { sendMail } from "./mailer.js";

/** Reset mails per address per hour: enough for a lost mail or two, too few to flood an inbox. */
const mailsPerAddressPerHour = 3;

/**
 * Mails a reset link when an active account has this address. Silent in every other case (no
 * account, suspended, too many recent requests), so the caller learns nothing about accounts; the
 * route answers 202 before this runs, so its timing reveals nothing either.
 */
export async function requestPasswordReset(
  context: IdentityContext,
  email: string,
  ip: string | null,
): Promise<void> {
  const [user] = await context.sql.withSystem((tx) =>
    tx.query<{ id: string; email: string; personal_tenant_id: string | null }>(
      "SELECT id, email, personal_tenant_id FROM users WHERE lower(email) = lower($1) AND status = 'active'",
      [email],
    ),
  );
  if (!user) return;
  const limiter = context.cache.rateLimiter({
    name: "identity.password-reset",
    limit: mailsPerAddressPerHour,
    windowMs: 3_600_000,
  });
  if (!(await limiter.consume(user.id)).allowed) return;
  const token = await context.sql.withSystem(async (tx) => {
    await recordAudit(tx, {
      action: "user.password_reset_requested",
      tenantId: user.personal_tenant_id,
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
      ip,
    });
    return issueEmailToken(tx, {
      userId: user.id,
      email: user.email,
      purpose: "password_reset",
      ttlSeconds: passwordResetTtlSeconds,
    });
  });
  await sendMail(context, passwordResetMail(context.issuer, user.email, token));
}
