import {
  emailAcceptedSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  verifyEmailRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { confirmPasswordReset } from "../email/confirm-password-reset.js";
import { requireSmtp } from "../email/mailer.js";
import { requestPasswordReset } from "../email/request-password-reset.js";
import { resendVerification } from "../email/resend-verification.js";
import { verifyEmail } from "../email/verify-email.js";
import type { IdentityContext } from "../identity-context.js";

const tags = ["auth"];
const description = "Needs SMTP_URL; without it this answers 422 (accounts are then active at once).";
// Per client address (these are public): slows token guessing and mail flooding.
const tokenLimit = { limit: 10, windowMs: 60_000 };

/** Email verification and password reset by email. */
export function accountEmailRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/verify-email",
      summary: "Verify an email address with the token from the verification mail",
      description,
      tags,
      auth: "public",
      rateLimit: tokenLimit,
      status: 204,
      body: verifyEmailRequestSchema,
      response: z.undefined(),
      handler: async ({ body, request }) => {
        await verifyEmail(context, body.token, request.ip);
        return undefined;
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/verify-email/resend",
      summary: "Mail the signed-in user a new verification link",
      description,
      tags,
      auth: "required",
      rateLimit: { limit: 3, windowMs: 600_000 },
      status: 202,
      response: emailAcceptedSchema,
      handler: async ({ principal }) => {
        await resendVerification(context, principal);
        return { status: "accepted" as const };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/password-reset",
      summary: "Mail a password reset link; always 202, whether or not the account exists",
      description,
      tags,
      auth: "public",
      rateLimit: { limit: 5, windowMs: 60_000 },
      status: 202,
      body: passwordResetRequestSchema,
      response: emailAcceptedSchema,
      handler: async ({ body, request }) => {
        requireSmtp(context);
        // Not awaited: answering before the lookup and the mail keeps timing from telling who has an account.
        requestPasswordReset(context, body.email, request.ip).catch((error: unknown) =>
          context.logger.error({ err: error }, "password reset request failed"),
        );
        return { status: "accepted" as const };
      },
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/auth/password-reset/confirm",
      summary: "Set a new password with the token from the reset mail; signs out everywhere",
      description,
      tags,
      auth: "public",
      rateLimit: tokenLimit,
      status: 204,
      body: passwordResetConfirmSchema,
      response: z.undefined(),
      handler: async ({ body, request }) => {
        await confirmPasswordReset(context, body.token, body.password, request.ip);
        return undefined;
      },
    }),
  ];
}
