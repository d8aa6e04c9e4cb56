import { GatewayError } from "../gateway-error.js";
import { anthropicErrorToOpenAi, openAiErrorToAnthropic } from "../protocols/index.js";
import { UpstreamFailure } from "../upstream/upstream-failure.js";

export interface RenderedError {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

/** OpenAI's `{error: {message, type, param, code}}` with the status the spec's table gives (§2.7). */
export function renderOpenAiError(error: GatewayError | UpstreamFailure): RenderedError {
  if (error instanceof UpstreamFailure) {
    const relayed = relayClientError(error, "openai");
    if (relayed) return relayed;
    return renderOpenAiError(upstreamAsGatewayError(error));
  }
  const body = {
    error: {
      message: error.message,
      type: openAiType(error),
      param: error.options.param ?? null,
      code: error.options.code ?? null,
    },
  };
  return { status: error.status, body, headers: errorHeaders(error) };
}

/** Anthropic's `{type: "error", error: {type, message}}`. */
export function renderAnthropicError(error: GatewayError | UpstreamFailure): RenderedError {
  if (error instanceof UpstreamFailure) {
    const relayed = relayClientError(error, "anthropic");
    if (relayed) return relayed;
    return renderAnthropicError(upstreamAsGatewayError(error));
  }
  const body = { type: "error", error: { type: anthropicType(error), message: error.message } };
  return { status: error.status, body, headers: errorHeaders(error) };
}

function openAiType(error: GatewayError): string {
  switch (error.kind) {
    case "invalid_request":
    case "guardrail_blocked":
    case "request_too_large":
      return "invalid_request_error";
    case "authentication":
      return "authentication_error";
    case "permission":
      return "permission_error";
    case "not_found":
      return "not_found_error";
    case "rate_limit":
      return "rate_limit_error";
    case "budget_exceeded":
      return "insufficient_quota";
    case "upstream":
      return "provider_error";
    case "timeout":
    case "unavailable":
    case "internal":
      return "server_error";
  }
}

function anthropicType(error: GatewayError): string {
  switch (error.kind) {
    case "invalid_request":
    case "guardrail_blocked":
      return "invalid_request_error";
    case "request_too_large":
      return "request_too_large";
    case "authentication":
      return "authentication_error";
    case "permission":
      return "permission_error";
    case "not_found":
      return "not_found_error";
    case "rate_limit":
    case "budget_exceeded":
      return "rate_limit_error";
    case "unavailable":
      return "overloaded_error";
    case "upstream":
    case "timeout":
    case "internal":
      return "api_error";
  }
}

function errorHeaders(error: GatewayError): Record<string, string> {
  const headers: Record<string, string> = { ...error.options.headers };
  if (error.options.retryAfterMs !== undefined) {
    headers["retry-after"] = String(Math.max(1, Math.ceil(error.options.retryAfterMs / 1000)));
    headers["retry-after-ms"] = String(Math.ceil(error.options.retryAfterMs));
  }
  // A spent budget does not come back by retrying; the official SDKs honour this header.
  if (error.kind === "budget_exceeded" || error.kind === "guardrail_blocked")
    headers["x-should-retry"] = "false";
  return headers;
}

/** The provider refused the request itself (4xx): the caller gets its answer, in the caller's protocol. */
function relayClientError(failure: UpstreamFailure, to: "openai" | "anthropic"): RenderedError | null {
  const status = failure.details.status;
  if (failure.failureClass !== "client_error" || status === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(failure.details.body ?? "");
  } catch {
    return null;
  }
  const from = failure.details.protocol ?? "openai";
  if (from === to || from === "local") return { status, body: parsed, headers: {} };
  const translated =
    to === "openai" ? anthropicErrorToOpenAi(status, parsed) : openAiErrorToAnthropic(status, parsed);
  return { status: translated.status, body: translated.body, headers: {} };
}

function upstreamAsGatewayError(failure: UpstreamFailure): GatewayError {
  switch (failure.failureClass) {
    case "rate_limit":
      return new GatewayError("rate_limit", failure.message, {
        code: "rate_limit_exceeded",
        ...(failure.details.retryAfterMs !== undefined ? { retryAfterMs: failure.details.retryAfterMs } : {}),
      });
    case "timeout":
      return new GatewayError("timeout", failure.message, { code: "provider_timeout" });
    case "client_error":
    case "server_error":
    case "network_error":
      return new GatewayError("upstream", `Provider API error: ${failure.message}`, {
        code: "provider_unavailable",
        ...(failure.details.status !== undefined && failure.failureClass === "client_error"
          ? { upstreamStatus: failure.details.status }
          : {}),
      });
  }
}
