import type { FastifyReply } from "fastify";
import { AppError } from "../platform/errors/index.js";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetMs: number;
  retryAfterMs: number;
}

export interface RouteRateLimiter {
  consume(key: string, cost?: number): Promise<RateLimitDecision>;
}

export type RateLimiterFactory = (options: {
  name: string;
  limit: number;
  windowMs: number;
}) => RouteRateLimiter;

/** Consumes one unit for the caller, sets the RateLimit headers, and refuses with 429 when spent. */
export async function enforceRateLimit(
  limiter: RouteRateLimiter,
  key: string,
  reply: FastifyReply,
): Promise<void> {
  const decision = await limiter.consume(key);
  reply.header("ratelimit-limit", decision.limit);
  reply.header("ratelimit-remaining", Math.max(0, decision.remaining));
  reply.header("ratelimit-reset", Math.ceil(decision.resetMs / 1000));
  if (!decision.allowed) {
    const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new AppError("RATE_LIMITED", `Too many requests; retry after ${retryAfter} s`, {
      headers: { "retry-after": String(retryAfter) },
      details: { retry_after_ms: decision.retryAfterMs },
    });
  }
}
