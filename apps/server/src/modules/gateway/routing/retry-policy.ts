import type { FailureClass } from "../upstream/upstream-failure.js";

export type RetryableClass = Exclude<FailureClass, "client_error">;

export interface RetryPolicy {
  /** Total attempts on one provider (1 = no retries); the spec's 0 means 1 (R1). */
  readonly maxAttempts: number;
  readonly backoff: "linear" | "exponential";
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly retryable: ReadonlySet<RetryableClass>;
}

export interface FallbackPolicy {
  readonly enabled: boolean;
  readonly preferredChain: readonly string[];
  /** A fraction of the original estimate (0.5 = +50%). */
  readonly maxCostIncrease: number | null;
  readonly requireSameFeatures: boolean;
}

export const allRetryable: ReadonlySet<RetryableClass> = new Set([
  "rate_limit",
  "timeout",
  "server_error",
  "network_error",
]);

/** Absent `retry_config` means no retry (spec §1.4). */
export const noRetry: RetryPolicy = {
  maxAttempts: 1,
  backoff: "exponential",
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  retryable: allRetryable,
};

export const noFallback: FallbackPolicy = {
  enabled: false,
  preferredChain: [],
  maxCostIncrease: null,
  requireSameFeatures: true,
};

/**
 * The wait before attempt n+1 (n = 1, 2, …): linear `base × n`, exponential
 * `min(max_delay, base × 2^(n−1))` (spec FIX), always clamped to `max_delay`. A provider's
 * `Retry-After` is honoured when longer, still within `max_delay`.
 */
export function retryDelayMs(policy: RetryPolicy, n: number, retryAfterMs?: number): number {
  const computed = policy.backoff === "linear" ? policy.baseDelayMs * n : policy.baseDelayMs * 2 ** (n - 1);
  const wanted = Math.max(computed, retryAfterMs ?? 0);
  return Math.min(policy.maxDelayMs, wanted);
}
