import type { JsonReply } from "./http-io.js";

interface OpenAiErrorFields {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
  retryAfterSeconds?: number;
  requestId?: string;
}

/** Defaults copied from what api.openai.com answers for each status. */
function defaultsFor(status: number): { message: string; type: string; code: string | null } {
  switch (status) {
    case 400:
      return { message: "Invalid request.", type: "invalid_request_error", code: null };
    case 401:
      return {
        message:
          "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        type: "invalid_request_error",
        code: "invalid_api_key",
      };
    case 403:
      return {
        message: "You are not allowed to sample from this model",
        type: "invalid_request_error",
        code: null,
      };
    case 404:
      return {
        message: "The model does not exist or you do not have access to it.",
        type: "invalid_request_error",
        code: "model_not_found",
      };
    case 429:
      return {
        message: "Rate limit reached for requests. Please try again later.",
        type: "requests",
        code: "rate_limit_exceeded",
      };
    case 503:
      return {
        message: "The engine is currently overloaded, please try again later.",
        type: "server_error",
        code: null,
      };
    default:
      return status >= 500
        ? {
            message: "The server had an error while processing your request. Sorry about that!",
            type: "server_error",
            code: null,
          }
        : { message: `Request failed with status ${status}.`, type: "invalid_request_error", code: null };
  }
}

/** `{"error":{"message","type","param","code"}}` with Retry-After when given. */
export function openAiError(status: number, fields: OpenAiErrorFields = {}): JsonReply {
  const defaults = defaultsFor(status);
  const headers: Record<string, string> = {};
  if (fields.retryAfterSeconds !== undefined) headers["retry-after"] = String(fields.retryAfterSeconds);
  if (fields.requestId !== undefined) headers["x-request-id"] = fields.requestId;
  return {
    status,
    headers,
    body: {
      error: {
        message: fields.message ?? defaults.message,
        type: fields.type ?? defaults.type,
        param: fields.param ?? null,
        code: fields.code === undefined ? defaults.code : fields.code,
      },
    },
  };
}
