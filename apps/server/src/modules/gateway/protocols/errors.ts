/**
 * Error bodies of both protocols, their status ↔ type tables, and the translation of an upstream's
 * error from one protocol into the other (so a client always sees its own protocol's shape).
 */
import type { AnthropicErrorBody, AnthropicErrorObject } from "./anthropic-types.js";
import type { OpenAiErrorBody, OpenAiErrorObject } from "./openai-types.js";

/** The router spec's types (tas-router-mcp §2.7), a superset of what api.openai.com documents. */
export type OpenAiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "rate_limit_error"
  | "server_error"
  | "provider_error";

/** docs.anthropic.com/en/api/errors */
export type AnthropicErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "billing_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "timeout_error"
  | "api_error"
  | "overloaded_error";

/** Anthropic's "overloaded" status; OpenAI says the same thing with 503. */
const ANTHROPIC_OVERLOADED_STATUS = 529;
const OPENAI_OVERLOADED_STATUS = 503;

export function openAiErrorTypeForStatus(status: number): OpenAiErrorType {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 429:
      return "rate_limit_error";
    case 502:
      return "provider_error";
    default:
      return status >= 500 ? "server_error" : "invalid_request_error";
  }
}

export function openAiStatusForErrorType(type: OpenAiErrorType): number {
  switch (type) {
    case "invalid_request_error":
      return 400;
    case "authentication_error":
      return 401;
    case "permission_error":
      return 403;
    case "not_found_error":
      return 404;
    case "rate_limit_error":
      return 429;
    case "server_error":
      return 500;
    case "provider_error":
      return 502;
  }
}

export function anthropicErrorTypeForStatus(status: number): AnthropicErrorType {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "billing_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 504:
      return "timeout_error";
    case OPENAI_OVERLOADED_STATUS:
    case ANTHROPIC_OVERLOADED_STATUS:
      return "overloaded_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

export function anthropicStatusForErrorType(type: AnthropicErrorType): number {
  switch (type) {
    case "invalid_request_error":
      return 400;
    case "authentication_error":
      return 401;
    case "billing_error":
      return 402;
    case "permission_error":
      return 403;
    case "not_found_error":
      return 404;
    case "request_too_large":
      return 413;
    case "rate_limit_error":
      return 429;
    case "timeout_error":
      return 504;
    case "api_error":
      return 500;
    case "overloaded_error":
      return ANTHROPIC_OVERLOADED_STATUS;
  }
}

const ANTHROPIC_ERROR_TYPES: ReadonlySet<string> = new Set<AnthropicErrorType>([
  "invalid_request_error",
  "authentication_error",
  "billing_error",
  "permission_error",
  "not_found_error",
  "request_too_large",
  "rate_limit_error",
  "timeout_error",
  "api_error",
  "overloaded_error",
]);

function isAnthropicErrorType(type: string): type is AnthropicErrorType {
  return ANTHROPIC_ERROR_TYPES.has(type);
}

export interface OpenAiErrorFields {
  /** Defaults to the type of `status` in the table above. */
  type?: string;
  /** Defaults to `rate_limit_exceeded` for 429, else null. */
  code?: string | null;
  param?: string | null;
}

export function openAiError(
  status: number,
  message: string,
  fields: OpenAiErrorFields = {},
): OpenAiErrorBody {
  const code = fields.code !== undefined ? fields.code : status === 429 ? "rate_limit_exceeded" : null;
  return {
    error: {
      message,
      type: fields.type ?? openAiErrorTypeForStatus(status),
      param: fields.param ?? null,
      code,
    },
  };
}

export function anthropicError(
  status: number,
  message: string,
  type: string = anthropicErrorTypeForStatus(status),
  requestId?: string,
): AnthropicErrorBody {
  return { type: "error", error: { type, message }, request_id: requestId ?? null };
}

/**
 * A request that cannot be expressed in the target protocol (bad tool-call JSON, n > 1 for
 * Anthropic, an unsupported content part…): a 400 in either protocol, naming the offending param.
 */
export class ProtocolTranslationError extends Error {
  readonly status = 400;
  readonly type = "invalid_request_error";
  readonly param: string | null;

  constructor(message: string, param: string | null = null) {
    super(message);
    this.name = "ProtocolTranslationError";
    this.param = param;
  }

  toOpenAi(): OpenAiErrorBody {
    return openAiError(this.status, this.message, { type: this.type, param: this.param });
  }

  toAnthropic(): AnthropicErrorBody {
    const where = this.param === null ? "" : `${this.param}: `;
    return anthropicError(this.status, `${where}${this.message}`, this.type);
  }
}

/** The longest message kept from a non-JSON error body (an HTML page from a proxy, say). */
const MAX_TEXT_MESSAGE = 1000;

interface LooseError {
  message: string | undefined;
  type: string | undefined;
}

function stringField(object: unknown, key: string): string | undefined {
  if (object === null || typeof object !== "object") return undefined;
  const value = (object as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}

/** Reads `{error: {...}}` (both protocols nest the error object there), or plain text. */
function readUpstreamError(body: unknown): LooseError {
  if (typeof body === "string") {
    const text = body.trim().slice(0, MAX_TEXT_MESSAGE);
    return { message: text === "" ? undefined : text, type: undefined };
  }
  const error = body !== null && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
  if (typeof error === "string") return { message: error, type: undefined };
  return {
    message: stringField(error, "message") ?? stringField(body, "message"),
    type: stringField(error, "type"),
  };
}

function fallbackMessage(status: number): string {
  return `Upstream request failed with status ${status}.`;
}

export interface TranslatedError<Body> {
  status: number;
  body: Body;
}

/** An Anthropic error object as an OpenAI one; the Anthropic type is kept as `code` when it says more. */
export function anthropicErrorObjectToOpenAi(
  error: AnthropicErrorObject,
  status?: number,
): OpenAiErrorObject {
  const knownType = isAnthropicErrorType(error.type) ? error.type : undefined;
  const httpStatus = openAiStatusFromAnthropic(
    status ?? (knownType ? anthropicStatusForErrorType(knownType) : 500),
  );
  const type = openAiErrorTypeForStatus(httpStatus);
  const code = httpStatus === 429 ? "rate_limit_exceeded" : error.type !== type ? error.type : null;
  return { message: error.message, type, param: null, code };
}

const OPENAI_ERROR_TYPES: ReadonlySet<string> = new Set<OpenAiErrorType>([
  "invalid_request_error",
  "authentication_error",
  "permission_error",
  "not_found_error",
  "rate_limit_error",
  "server_error",
  "provider_error",
]);

function isOpenAiErrorType(type: string): type is OpenAiErrorType {
  return OPENAI_ERROR_TYPES.has(type);
}

/**
 * An OpenAI error object as an Anthropic one. The type follows the status (OpenAI's own types vary:
 * a 429 says `requests` or `tokens`); inside a stream there is no status, so the type decides.
 */
export function openAiErrorObjectToAnthropic(
  error: { message: string; type?: string | null },
  status?: number,
): AnthropicErrorObject {
  const type = error.type ?? "";
  const httpStatus = status ?? (isOpenAiErrorType(type) ? openAiStatusForErrorType(type) : 500);
  return { type: anthropicErrorTypeForStatus(anthropicStatusFromOpenAi(httpStatus)), message: error.message };
}

function openAiStatusFromAnthropic(status: number): number {
  return status === ANTHROPIC_OVERLOADED_STATUS ? OPENAI_OVERLOADED_STATUS : status;
}

function anthropicStatusFromOpenAi(status: number): number {
  return status === OPENAI_OVERLOADED_STATUS ? ANTHROPIC_OVERLOADED_STATUS : status;
}

/**
 * An Anthropic upstream's error answer for an OpenAI client. The status is kept (529 becomes 503,
 * OpenAI's "overloaded"), so clients retry exactly what they would have retried upstream.
 */
export function anthropicErrorToOpenAi(status: number, body: unknown): TranslatedError<OpenAiErrorBody> {
  const upstream = readUpstreamError(body);
  const translatedStatus = openAiStatusFromAnthropic(status);
  const error = anthropicErrorObjectToOpenAi(
    {
      type: upstream.type ?? anthropicErrorTypeForStatus(status),
      message: upstream.message ?? fallbackMessage(status),
    },
    status,
  );
  return { status: translatedStatus, body: { error } };
}

/** An OpenAI upstream's error answer for an Anthropic client (503 becomes 529 `overloaded_error`). */
export function openAiErrorToAnthropic(
  status: number,
  body: unknown,
  requestId?: string,
): TranslatedError<AnthropicErrorBody> {
  const upstream = readUpstreamError(body);
  const translatedStatus = anthropicStatusFromOpenAi(status);
  const message = upstream.message ?? fallbackMessage(status);
  return {
    status: translatedStatus,
    body: anthropicError(translatedStatus, message, anthropicErrorTypeForStatus(translatedStatus), requestId),
  };
}
