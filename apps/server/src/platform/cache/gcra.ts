import type { RateLimitDecision, RateLimiterOptions } from "./port.js";

/**
 * A token bucket as GCRA: each key stores one "theoretical arrival time" (TAT), the moment the
 * bucket would be full again. Times are whole microseconds so the arithmetic stays exact in a
 * double (and in Redis Lua, which mirrors this function in redis-scripts.ts): exactness matters
 * because budgets are built on these limits.
 */
export interface GcraPolicy {
  readonly name: string;
  readonly limit: number;
  readonly burst: number;
  /** Microseconds one unit takes to refill. */
  readonly intervalUs: number;
}

const namePattern = /^[A-Za-z0-9_.-]{1,64}$/;

export function gcraPolicy(options: RateLimiterOptions): GcraPolicy {
  const { name, limit, windowMs } = options;
  const burst = options.burst ?? limit;
  if (!namePattern.test(name)) throw new RangeError(`invalid rate limiter name ${JSON.stringify(name)}`);
  if (!Number.isSafeInteger(limit) || limit <= 0) throw new RangeError(`limit must be a positive integer`);
  if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`windowMs must be positive`);
  if (!Number.isSafeInteger(burst) || burst <= 0) throw new RangeError(`burst must be a positive integer`);
  return { name, limit, burst, intervalUs: Math.max(1, Math.round((windowMs * 1000) / limit)) };
}

export function assertCost(policy: GcraPolicy, cost: number): void {
  if (!Number.isSafeInteger(cost) || cost < 0 || cost > policy.burst) {
    throw new RangeError(`cost must be an integer from 0 to ${policy.burst} for ${policy.name}, got ${cost}`);
  }
}

export interface GcraStep {
  decision: RateLimitDecision;
  /** The TAT to store, and for how long (ms); undefined when nothing changes. */
  store: { tatUs: number; ttlMs: number } | undefined;
}

export function gcraStep(
  policy: GcraPolicy,
  storedTatUs: number | undefined,
  nowUs: number,
  cost: number,
): GcraStep {
  const tolerance = policy.intervalUs * policy.burst;
  const tat = Math.max(storedTatUs ?? nowUs, nowUs);
  const newTat = tat + policy.intervalUs * cost;
  const allowAt = newTat - tolerance;
  if (allowAt > nowUs) {
    return {
      decision: {
        allowed: false,
        limit: policy.limit,
        // Never negative, even for a bucket that `gcraAdjust` left in debt.
        remaining: Math.max(0, Math.floor((nowUs + tolerance - tat) / policy.intervalUs)),
        resetMs: Math.ceil((tat - nowUs) / 1000),
        retryAfterMs: Math.ceil((allowAt - nowUs) / 1000),
      },
      store: undefined,
    };
  }
  const ttlMs = Math.ceil((newTat - nowUs) / 1000);
  return {
    decision: {
      allowed: true,
      limit: policy.limit,
      remaining: Math.floor((nowUs + tolerance - newTat) / policy.intervalUs),
      resetMs: ttlMs,
      retryAfterMs: 0,
    },
    store: ttlMs > 0 ? { tatUs: newTat, ttlMs } : undefined,
  };
}

/**
 * Moves the TAT by `delta` units without a check: forward for a charge (possibly past the
 * tolerance, i.e. into debt), back for a refund, but never before now (a full bucket).
 */
export function gcraAdjust(
  policy: GcraPolicy,
  storedTatUs: number | undefined,
  nowUs: number,
  delta: number,
): { decision: RateLimitDecision; store: { tatUs: number; ttlMs: number } } {
  const tolerance = policy.intervalUs * policy.burst;
  const tat = Math.max(storedTatUs ?? nowUs, nowUs);
  const newTat = Math.max(nowUs, tat + policy.intervalUs * delta);
  const ttlMs = Math.ceil((newTat - nowUs) / 1000);
  return {
    decision: {
      allowed: true,
      limit: policy.limit,
      remaining: Math.max(0, Math.floor((nowUs + tolerance - newTat) / policy.intervalUs)),
      resetMs: ttlMs,
      // Until one more unit could be spent.
      retryAfterMs: Math.max(0, Math.ceil((newTat + policy.intervalUs - tolerance - nowUs) / 1000)),
    },
    // A full bucket is stored as "now" for a moment rather than deleted: one write path.
    store: { tatUs: newTat, ttlMs: Math.max(1, ttlMs) },
  };
}
