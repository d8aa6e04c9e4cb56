import type { Transporter } from "nodemailer";
import type { IdentityConfig } from "../../../config/index.js";
import { AppError } from "../../../platform/errors/index.js";
import type { IdentityContext } from "../identity-context.js";

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

type SmtpConfig = NonNullable<IdentityConfig["smtp"]>;

// One transport per configuration; without `pool` it opens a connection per mail, so nothing to close.
const transports = new WeakMap<SmtpConfig, Transporter>();

/** The SMTP settings, or a clear 4xx when this server has none (accounts are then active at once). */
export function requireSmtp(context: IdentityContext): SmtpConfig {
  const smtp = context.config.smtp;
  if (!smtp) {
    throw new AppError(
      "UNPROCESSABLE",
      "Email is not configured on this server (SMTP_URL is unset): accounts are active at once, without email verification, and password reset by email is unavailable",
    );
  }
  return smtp;
}

export async function sendMail(context: IdentityContext, mail: OutgoingMail): Promise<void> {
  const smtp = requireSmtp(context);
  let transport = transports.get(smtp);
  if (!transport) {
    // Bounded waits (nodemailer's defaults run to minutes), so an unreachable server fails fast.
    // Loaded on first use: an installation without SMTP never carries the mail client.
    const { default: nodemailer } = await import("nodemailer");
    transport = nodemailer.createTransport({
      url: smtp.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    transports.set(smtp, transport);
  }
  await transport.sendMail({ from: smtp.from, to: mail.to, subject: mail.subject, text: mail.text });
}
