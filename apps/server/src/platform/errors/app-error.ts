/** The closed set of error codes the platform API can answer with. */
export const errorCodes = [
  "VALIDATION_ERROR",
  "INVALID_JSON",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "ROUTE_NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "CONFLICT",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_KEY_IN_PROGRESS",
  "PAYLOAD_TOO_LARGE",
  "URI_TOO_LONG",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE",
  "RATE_LIMITED",
  "QUOTA_EXCEEDED",
  "INTERNAL_ERROR",
  "NOT_IMPLEMENTED",
  "SERVICE_UNAVAILABLE",
  "TIMEOUT",
  // Retrieval (the DeepLake API's codes, spec tas-processing-vectors §2, §4, §5.6, G40).
  "DATASET_NOT_FOUND",
  "DATASET_ALREADY_EXISTS",
  "INVALID_DATASET_CONFIG",
  "VECTOR_NOT_FOUND",
  "DUPLICATE_VECTOR",
  "INVALID_VECTOR_DIMENSIONS",
  "INVALID_DIMENSIONS",
  "INVALID_SEARCH_PARAMS",
  "EMBEDDING_FAILED",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** The one code → HTTP status table; consulted only at the HTTP edge. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case "VALIDATION_ERROR":
    case "INVALID_JSON":
    case "INVALID_DATASET_CONFIG":
    case "INVALID_VECTOR_DIMENSIONS":
    case "INVALID_DIMENSIONS":
    case "INVALID_SEARCH_PARAMS":
    case "EMBEDDING_FAILED":
      return 400;
    case "UNAUTHORIZED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "NOT_FOUND":
    case "ROUTE_NOT_FOUND":
    case "DATASET_NOT_FOUND":
    case "VECTOR_NOT_FOUND":
      return 404;
    case "METHOD_NOT_ALLOWED":
      return 405;
    case "CONFLICT":
    case "IDEMPOTENCY_KEY_IN_PROGRESS":
    case "DATASET_ALREADY_EXISTS":
    case "DUPLICATE_VECTOR":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "URI_TOO_LONG":
      return 414;
    case "UNSUPPORTED_MEDIA_TYPE":
      return 415;
    case "IDEMPOTENCY_KEY_REUSED":
    case "UNPROCESSABLE":
      return 422;
    case "RATE_LIMITED":
      return 429;
    case "INTERNAL_ERROR":
      return 500;
    case "NOT_IMPLEMENTED":
      return 501;
    case "SERVICE_UNAVAILABLE":
      return 503;
    case "TIMEOUT":
      return 504;
    case "QUOTA_EXCEEDED":
      return 507;
    default:
      return assertNever(code);
  }
}

/** The platform's one error type. Use cases throw it; the HTTP edge maps it. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** Extra response headers, e.g. `Retry-After` for `RATE_LIMITED`. */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Compile-time exhaustiveness for `switch` over closed sets. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
