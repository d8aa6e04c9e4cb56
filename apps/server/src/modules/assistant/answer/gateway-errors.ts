import { AppError } from "../../../platform/errors/index.js";
import { GatewayCallError } from "../../gateway/index.js";

/**
 * A gateway refusal as the platform API's error: a spent budget or a rate limit is RATE_LIMITED
 * (429, `details.code` says which), a guardrail block UNPROCESSABLE, a bad model VALIDATION_ERROR,
 * a provider failure SERVICE_UNAVAILABLE or TIMEOUT. Anything else passes through unchanged.
 */
export function asPlatformError(error: unknown): unknown {
  if (!(error instanceof GatewayCallError)) return error;
  const details = { code: error.code ?? error.type, source: "gateway" };
  const message = `The model gateway refused the call: ${error.message}`;
  const retry: Record<string, string> =
    error.retryAfterMs !== null
      ? { "retry-after": String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) }
      : {};
  if (error.code === "budget_exceeded")
    return new AppError("RATE_LIMITED", message, { details, cause: error });
  if (error.status === 429)
    return new AppError("RATE_LIMITED", message, { details, headers: retry, cause: error });
  if (error.code === "guardrail_blocked")
    return new AppError("UNPROCESSABLE", message, { details, cause: error });
  if (error.status === 401 || error.status === 403)
    return new AppError("FORBIDDEN", message, { details, cause: error });
  if (error.status === 404) return new AppError("NOT_FOUND", message, { details, cause: error });
  if (error.status === 413) return new AppError("PAYLOAD_TOO_LARGE", message, { details, cause: error });
  if (error.status === 504) return new AppError("TIMEOUT", message, { details, cause: error });
  if (error.status >= 400 && error.status < 500) {
    return new AppError("VALIDATION_ERROR", message, { details, cause: error });
  }
  return new AppError("SERVICE_UNAVAILABLE", message, { details, cause: error });
}
