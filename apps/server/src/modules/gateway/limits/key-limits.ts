import type { CacheStore, RateLimitDecision, RateLimiter } from "../../../platform/cache/index.js";

/** A limit check's answer, with what `Retry-After` and the `x-ratelimit-*` headers need. */
export interface LimitDecision {
  readonly allowed: boolean;
  /** The key's limit per minute. */
  readonly limit: number;
  /** Units left right now (never negative). */
  readonly remaining: number;
  /** Milliseconds until the bucket is full again (`x-ratelimit-reset-*`). */
  readonly resetMs: number;
  /** Milliseconds to wait before this request could pass; 0 when allowed. */
  readonly retryAfterMs: number;
  /** The request alone needs more tokens than the whole per-minute limit: it can never pass. */
  readonly tooLarge: boolean;
}

export interface KeyLimits {
  /** Spends one request of the key's requests-per-minute. */
  checkRequest(keyId: string, rpm: number): Promise<LimitDecision>;
  /** Spends the estimated tokens of the key's tokens-per-minute, all or nothing, before the call. */
  checkTokens(keyId: string, tpm: number, estimatedTokens: number): Promise<LimitDecision>;
  /**
   * Reconciles after the call: charges `actual − estimated` tokens when the estimate was low (the
   * bucket may go into debt, so the key's next calls wait it off) and refunds the difference when
   * it was high. Pass `actualTokens` 0 for a call that failed before using any.
   */
  recordTokens(
    keyId: string,
    tpm: number,
    actualTokens: number,
    estimatedTokens: number,
  ): Promise<LimitDecision>;
}

const windowMs = 60_000;

/**
 * Per-key request and token limits on the cache port's GCRA limiter (exact across nodes on
 * Redis). Over-estimates: GCRA keeps one "bucket full at" time per key, which cannot go below
 * now, so a refund gives back at most what the bucket is still missing; tokens refunded after
 * the bucket already refilled on its own are simply not needed. Under-estimates are charged in
 * full, as debt.
 */
export function createKeyLimits(cache: CacheStore): KeyLimits {
  const limiters = new Map<string, RateLimiter>();

  function limiter(kind: "rpm" | "tpm", limit: number): RateLimiter {
    if (!Number.isSafeInteger(limit) || limit <= 0)
      throw new RangeError(`${kind} must be a positive integer, got ${limit}`);
    const id = `${kind}:${limit}`;
    let found = limiters.get(id);
    if (!found) {
      // One bucket per key whatever its limit: a changed limit keeps what was already spent.
      found = cache.rateLimiter({ name: `gateway.${kind}`, limit, windowMs });
      limiters.set(id, found);
    }
    return found;
  }

  return {
    async checkRequest(keyId, rpm) {
      return toDecision(await limiter("rpm", rpm).consume(keyId, 1), false);
    },
    async checkTokens(keyId, tpm, estimatedTokens) {
      const tokens = wholeTokens(estimatedTokens);
      const bucket = limiter("tpm", tpm);
      if (tokens > tpm) return { ...toDecision(await bucket.consume(keyId, 0), true), allowed: false };
      return toDecision(await bucket.consume(keyId, tokens), false);
    },
    async recordTokens(keyId, tpm, actualTokens, estimatedTokens) {
      const delta = wholeTokens(actualTokens) - wholeTokens(estimatedTokens);
      return toDecision(await limiter("tpm", tpm).adjust(keyId, delta), false);
    },
  };
}

function wholeTokens(count: number): number {
  if (!Number.isFinite(count) || count < 0)
    throw new RangeError(`token counts must be non-negative, got ${count}`);
  return Math.ceil(count);
}

function toDecision(decision: RateLimitDecision, tooLarge: boolean): LimitDecision {
  return {
    allowed: decision.allowed,
    limit: decision.limit,
    remaining: Math.max(0, decision.remaining),
    resetMs: decision.resetMs,
    retryAfterMs: decision.retryAfterMs,
    tooLarge,
  };
}
