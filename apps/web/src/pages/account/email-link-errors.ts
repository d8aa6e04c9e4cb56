import { ApiError } from "../../api/api-error";

/**
 * The link's token was refused: unknown, already used or expired (the API answers all three
 * alike, so as not to tell which tokens exist). A new link is the only way on.
 */
export function isBadLinkError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== "VALIDATION_ERROR") return false;
  return error.details?.field === "token" || "token" in error.fieldErrors;
}

/** The server sends no email (SMTP is not configured): verification and reset by email are off. */
export function isEmailUnavailable(error: unknown): boolean {
  return error instanceof ApiError && error.code === "UNPROCESSABLE";
}
