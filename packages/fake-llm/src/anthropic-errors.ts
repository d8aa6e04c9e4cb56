import type { JsonReply } from "./http-io.js";

interface AnthropicErrorFields {
  message?: string;
  type?: string;
  retryAfterSeconds?: number;
  requestId?: string;
}

/** Error types documented at docs.anthropic.com/en/api/errors. */
function defaultsFor(status: number): { type: string; message: string } {
  switch (status) {
    case 400:
      return { type: "invalid_request_error", message: "Invalid request." };
    case 401:
      return { type: "authentication_error", message: "invalid x-api-key" };
    case 403:
      return {
        type: "permission_error",
        message: "Your API key does not have permission to use the specified resource.",
      };
    case 404:
      return { type: "not_found_error", message: "The requested resource could not be found." };
    case 413:
      return { type: "request_too_large", message: "Request exceeds the maximum allowed number of bytes." };
    case 429:
      return { type: "rate_limit_error", message: "Number of requests has exceeded your rate limit." };
    case 529:
      return { type: "overloaded_error", message: "Overloaded" };
    default:
      return status >= 500
        ? { type: "api_error", message: "Internal server error" }
        : { type: "invalid_request_error", message: `Request failed with status ${status}.` };
  }
}

/** `{"type":"error","error":{"type","message"},"request_id"}` with Retry-After when given. */
export function anthropicError(status: number, fields: AnthropicErrorFields = {}): JsonReply {
  const defaults = defaultsFor(status);
  const headers: Record<string, string> = {};
  if (fields.retryAfterSeconds !== undefined) headers["retry-after"] = String(fields.retryAfterSeconds);
  if (fields.requestId !== undefined) headers["request-id"] = fields.requestId;
  return {
    status,
    headers,
    body: {
      type: "error",
      error: { type: fields.type ?? defaults.type, message: fields.message ?? defaults.message },
      request_id: fields.requestId ?? null,
    },
  };
}
