/** What went wrong, independent of the wire protocol; the edge renders it in the caller's protocol. */
export type GatewayErrorKind =
  | "invalid_request"
  | "authentication"
  | "permission"
  | "not_found"
  | "rate_limit"
  | "budget_exceeded"
  | "guardrail_blocked"
  | "request_too_large"
  | "upstream"
  | "timeout"
  | "unavailable"
  | "internal";

export interface GatewayErrorOptions {
  readonly code?: string;
  readonly param?: string;
  readonly retryAfterMs?: number;
  /** For `upstream`: the provider's status, relayed for 4xx the caller caused. */
  readonly upstreamStatus?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The one error type of the gateway; `statusOf` maps it to HTTP at the edge only. */
export class GatewayError extends Error {
  constructor(
    readonly kind: GatewayErrorKind,
    message: string,
    readonly options: GatewayErrorOptions = {},
  ) {
    super(message);
    this.name = "GatewayError";
  }

  get status(): number {
    return statusOf(this.kind, this.options.upstreamStatus);
  }
}

function statusOf(kind: GatewayErrorKind, upstreamStatus: number | undefined): number {
  switch (kind) {
    case "invalid_request":
    case "guardrail_blocked":
      return 400;
    case "authentication":
      return 401;
    case "permission":
      return 403;
    case "not_found":
      return 404;
    case "request_too_large":
      return 413;
    case "rate_limit":
    case "budget_exceeded":
      return 429;
    case "upstream": {
      const status = upstreamStatus ?? 502;
      return status >= 400 && status < 500 ? status : 502;
    }
    case "timeout":
      return 504;
    case "unavailable":
      return 503;
    case "internal":
      return 500;
  }
}
