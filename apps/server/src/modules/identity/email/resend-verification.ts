import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { IdentityContext } from "../identity-context.js";
import { requireSmtp } from "./mailer.js";
import { sendVerificationMail } from "./send-verification-mail.js";

/** Mails a fresh verification link to the signed-in user (a lost or expired first one). */
export async function resendVerification(
  context: IdentityContext,
  principal: Principal | null,
): Promise<void> {
  requireSmtp(context);
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  const [user] = await context.sql.withSystem((tx) =>
    tx.query<{ id: string; email: string; email_verified: boolean }>(
      "SELECT id, email, email_verified FROM users WHERE id = $1",
      [principal.userId],
    ),
  );
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.email_verified) throw new AppError("CONFLICT", "This email address is already verified");
  await sendVerificationMail(context, user);
}
