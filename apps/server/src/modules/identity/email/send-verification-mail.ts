import type { IdentityContext } from "../identity-context.js";
import { verificationMail, verificationTtlSeconds } from "./email-messages.js";
import { issueEmailToken } from "./email-tokens.js";
import { sendMail } from "./mailer.js";

/**
 * Mails a verification link to an unverified account, when SMTP is configured; otherwise does
 * nothing (accounts are then verified at registration). Called after registration committed. The
 * token is stored before this returns; the mail goes out in the background, so a slow or
 * unreachable SMTP server never holds up registration. A failure is logged: the account exists
 * either way, and the user can ask for another link.
 */
export async function sendVerificationMail(
  context: IdentityContext,
  user: { id: string; email: string; email_verified: boolean },
): Promise<void> {
  if (!context.config.smtp || user.email_verified) return;
  const failed = (error: unknown) =>
    context.logger.error({ err: error, user_id: user.id }, "could not send the verification email");
  try {
    const token = await context.sql.withSystem((tx) =>
      issueEmailToken(tx, {
        userId: user.id,
        email: user.email,
        purpose: "verify_email",
        ttlSeconds: verificationTtlSeconds,
      }),
    );
    sendMail(context, verificationMail(context.issuer, user.email, token)).catch(failed);
  } catch (error) {
    failed(error);
  }
}
