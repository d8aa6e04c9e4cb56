import { describe, expect, it } from "vitest";
import type { LimitDecision } from "./key-limits.js";
import { duration, rateLimitHeaders } from "./rate-limit-headers.js";

const decision = (overrides: Partial<LimitDecision>): LimitDecision => ({
  allowed: true,
  limit: 60,
  remaining: 59,
  resetMs: 1_000,
  retryAfterMs: 0,
  tooLarge: false,
  ...overrides,
});

describe("rateLimitHeaders", () => {
  it("writes OpenAI's x-ratelimit headers for requests and tokens", () => {
    expect(
      rateLimitHeaders({
        requests: decision({}),
        tokens: decision({ limit: 10_000, remaining: 9_000, resetMs: 6_000 }),
      }),
    ).toEqual({
      "x-ratelimit-limit-requests": "60",
      "x-ratelimit-remaining-requests": "59",
      "x-ratelimit-reset-requests": "1s",
      "x-ratelimit-limit-tokens": "10000",
      "x-ratelimit-remaining-tokens": "9000",
      "x-ratelimit-reset-tokens": "6s",
    });
  });

  it("adds Retry-After in whole seconds when a check refused, the longer wait winning", () => {
    const headers = rateLimitHeaders({
      requests: decision({ allowed: false, remaining: 0, retryAfterMs: 1_200 }),
      tokens: decision({ allowed: false, remaining: 0, retryAfterMs: 2_500 }),
    });
    expect(headers["retry-after"]).toBe("3");
    expect(
      rateLimitHeaders({ tokens: decision({ allowed: false, tooLarge: true }) })["retry-after"],
    ).toBeUndefined();
  });

  it("formats durations like Go", () => {
    expect([0, 20, 999, 1_000, 1_500, 60_000, 360_000, 61_250].map(duration)).toEqual([
      "0ms",
      "20ms",
      "999ms",
      "1s",
      "1.5s",
      "1m0s",
      "6m0s",
      "1m1.25s",
    ]);
  });
});
