import type { OutgoingMail } from "./mailer.js";

export const verificationTtlSeconds = 24 * 3600;
export const passwordResetTtlSeconds = 3600;

/** Links point at the web app on the public URL, which posts the token back to the API. */
function link(baseUrl: string, path: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}?token=${encodeURIComponent(token)}`;
}

export function verificationMail(baseUrl: string, to: string, token: string): OutgoingMail {
  return {
    to,
    subject: "Confirm your email address for Tributary",
    text: [
      "Welcome to Tributary.",
      "",
      "Confirm your email address by opening this link (valid for 24 hours, once):",
      link(baseUrl, "/verify-email", token),
      "",
      "If you did not create an account, ignore this message.",
    ].join("\n"),
  };
}

export function passwordResetMail(baseUrl: string, to: string, token: string): OutgoingMail {
  return {
    to,
    subject: "Reset your Tributary password",
    text: [
      "Someone asked to reset the password of your Tributary account.",
      "",
      "Choose a new password by opening this link (valid for 1 hour, once):",
      link(baseUrl, "/reset-password", token),
      "",
      "Resetting signs you out everywhere. If you did not ask for this, ignore this message:",
      "your password stays as it is.",
    ].join("\n"),
  };
}
