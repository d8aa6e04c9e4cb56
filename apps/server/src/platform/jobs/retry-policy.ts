export interface RetryPolicy {
  /** Delay before the second attempt; it doubles per attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/**
 * Exponential backoff with jitter: half the delay is fixed and half random, so jobs that failed
 * together (an upstream outage) do not all come back at the same instant.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: () => number = Math.random,
): number {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped / 2 + (capped / 2) * random());
}

const maxErrorLength = 4_000;

/** What `last_error` keeps of a failure: message and stack, truncated so one bad job cannot bloat the table. */
export function describeFailure(error: unknown): string {
  const text =
    error instanceof Error
      ? error.stack?.includes(error.message)
        ? error.stack
        : `${error.message}\n${error.stack ?? ""}`
      : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}
