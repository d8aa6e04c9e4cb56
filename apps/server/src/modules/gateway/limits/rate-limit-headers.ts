import type { LimitDecision } from "./key-limits.js";

/**
 * OpenAI's rate-limit headers (`x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, resets as
 * durations such as `1s` or `6m0s`) plus `retry-after` in whole seconds when a check refused.
 */
export function rateLimitHeaders(decisions: {
  readonly requests?: LimitDecision;
  readonly tokens?: LimitDecision;
}): Record<string, string> {
  const headers: Record<string, string> = {};
  let retryAfterMs = 0;
  for (const kind of ["requests", "tokens"] as const) {
    const decision = decisions[kind];
    if (!decision) continue;
    headers[`x-ratelimit-limit-${kind}`] = String(decision.limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(decision.remaining);
    headers[`x-ratelimit-reset-${kind}`] = duration(decision.resetMs);
    if (!decision.allowed && !decision.tooLarge) retryAfterMs = Math.max(retryAfterMs, decision.retryAfterMs);
  }
  if (retryAfterMs > 0) headers["retry-after"] = String(Math.ceil(retryAfterMs / 1000));
  return headers;
}

/** Go-style durations as OpenAI sends them: `250ms`, `1s`, `1.5s`, `6m0s`. */
export function duration(ms: number): string {
  const whole = Math.max(0, Math.ceil(ms));
  if (whole < 1_000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const seconds = Number(((whole % 60_000) / 1_000).toFixed(3));
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
