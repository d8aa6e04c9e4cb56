/** `retryable_errors` classes of the spec (§1.4), plus the caller's own mistakes relayed as-is. */
export type FailureClass = "rate_limit" | "timeout" | "server_error" | "network_error" | "client_error";

/** A failed upstream attempt, classified for the retry loop. */
export class UpstreamFailure extends Error {
  constructor(
    readonly failureClass: FailureClass,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly retryAfterMs?: number;
      /** The provider's error body (its own protocol), for relaying client errors. */
      readonly body?: string;
      readonly protocol?: "openai" | "anthropic" | "local";
    } = {},
  ) {
    super(message);
    this.name = "UpstreamFailure";
  }
}

export function classifyStatus(status: number): FailureClass {
  if (status === 429) return "rate_limit";
  if (status === 408) return "timeout";
  // 529 is Anthropic's "overloaded".
  if (status >= 500) return "server_error";
  return "client_error";
}

/** `Retry-After` is seconds or an HTTP date; `retry-after-ms` (OpenAI) wins when present. */
export function retryAfterMsOf(headers: Record<string, string | string[] | undefined>): number | undefined {
  const ms = first(headers["retry-after-ms"]);
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms));
  const value = first(headers["retry-after"]);
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
