import { setTimeout as sleep } from "node:timers/promises";
import { GatewayError } from "../gateway-error.js";
import { UpstreamFailure } from "../upstream/upstream-failure.js";
import type { CircuitBreakers } from "./circuit-breaker.js";
import type { RoutePlan, Target } from "./plan-route.js";
import type { FallbackPolicy, RetryPolicy } from "./retry-policy.js";
import { retryDelayMs } from "./retry-policy.js";

/** What the retry and fallback loop did, for `router_metadata` (spec §2.4). */
export interface ExecutionTrace {
  attemptCount: number;
  failedProviders: string[];
  retryDelays: number[];
  totalRetryTimeMs: number;
  fallbackUsed: boolean;
  reasons: string[];
}

export interface ExecuteOptions {
  readonly retry: RetryPolicy;
  readonly fallback: FallbackPolicy;
  readonly breakers: CircuitBreakers;
  /** Aborted when the client goes away: waiting and calling stop at once. */
  readonly signal: AbortSignal;
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface Executed<T> {
  readonly value: T;
  readonly target: Target;
  readonly trace: ExecutionTrace;
}

/**
 * Calls the plan's targets (spec §1.4–§1.5): each provider up to `max_attempts` times with backoff,
 * retrying only `retryable_errors`; then the model's other deployments; then, when enabled, the
 * fallback chain. A client error (4xx other than 429) is the caller's and ends the loop at once.
 */
export async function executePlan<T>(
  plan: RoutePlan,
  attempt: (target: Target) => Promise<T>,
  options: ExecuteOptions,
): Promise<Executed<T>> {
  const wait = options.sleep ?? sleepUnlessAborted;
  const trace: ExecutionTrace = {
    attemptCount: 0,
    failedProviders: [],
    retryDelays: [],
    totalRetryTimeMs: 0,
    fallbackUsed: false,
    reasons: [...plan.reasons],
  };
  let firstAttemptAt: number | null = null;
  let lastFailure: UpstreamFailure | null = null;
  const stages: Array<{ targets: readonly Target[]; fallback: boolean }> = [
    { targets: plan.primary, fallback: false },
    { targets: plan.fallbacks, fallback: true },
  ];
  for (const stage of stages) {
    for (const target of stage.targets) {
      if (stage.fallback && !fallbackAffordable(plan, target, options.fallback, trace)) continue;
      if (stage.fallback) {
        trace.reasons.push("Primary provider failed", `Fallback to ${target.provider.name}`);
        const increase = costIncrease(plan, target);
        if (increase !== null) trace.reasons.push(`Cost increase: ${Math.round(increase * 100)}%`);
      }
      for (let n = 1; n <= options.retry.maxAttempts; n++) {
        if (!options.breakers.allow(target.deployment.id)) {
          // An unhealthy provider counts as a failed attempt (spec §1.4).
          trace.attemptCount += 1;
          lastFailure = new UpstreamFailure(
            "server_error",
            `${target.provider.name} is unhealthy (circuit open)`,
          );
          break;
        }
        if (options.signal.aborted) throw cancelled();
        const startedAt = performance.now();
        firstAttemptAt ??= startedAt;
        trace.attemptCount += 1;
        try {
          const value = await attempt(target);
          options.breakers.succeeded(target.deployment.id);
          trace.totalRetryTimeMs = trace.attemptCount > 1 ? Math.round(startedAt - firstAttemptAt) : 0;
          if (n > 1) trace.reasons.push(`Retry successful on attempt ${trace.attemptCount}`);
          trace.fallbackUsed = stage.fallback;
          return { value, target, trace };
        } catch (error) {
          if (options.signal.aborted) throw cancelled();
          const failure = asFailure(error);
          if (failure.failureClass === "client_error") throw failure;
          options.breakers.failed(target.deployment.id);
          lastFailure = failure;
          const retryable = options.retry.retryable.has(failure.failureClass);
          if (!retryable || n === options.retry.maxAttempts) break;
          const delay = retryDelayMs(options.retry, n, failure.details.retryAfterMs);
          trace.retryDelays.push(delay);
          try {
            await wait(delay, options.signal);
          } catch {
            throw cancelled();
          }
        }
      }
      if (!trace.failedProviders.includes(target.provider.name))
        trace.failedProviders.push(target.provider.name);
    }
  }
  throw exhausted(lastFailure, plan.fallbacks.length > 0);
}

function fallbackAffordable(
  plan: RoutePlan,
  target: Target,
  policy: FallbackPolicy,
  trace: ExecutionTrace,
): boolean {
  if (trace.failedProviders.includes(target.provider.name)) return false;
  if (policy.maxCostIncrease === null) return true;
  const increase = costIncrease(plan, target);
  // With a zero original estimate only zero-cost fallbacks are allowed (spec §1.5 FIX).
  if (increase === null) return target.estimatedCostUsd === 0;
  return increase <= policy.maxCostIncrease;
}

function costIncrease(plan: RoutePlan, target: Target): number | null {
  if (plan.estimatedCostUsd <= 0) return null;
  return (target.estimatedCostUsd - plan.estimatedCostUsd) / plan.estimatedCostUsd;
}

function asFailure(error: unknown): UpstreamFailure {
  if (error instanceof UpstreamFailure) return error;
  if (error instanceof GatewayError) throw error;
  return new UpstreamFailure("network_error", (error as Error)?.message ?? String(error));
}

function cancelled(): GatewayError {
  return new GatewayError("timeout", "Request cancelled during retry", { code: "request_cancelled" });
}

/** Every target failed: the last cause decides the status (429 stays 429 so clients back off). */
function exhausted(last: UpstreamFailure | null, hadFallbacks: boolean): GatewayError {
  const what = hadFallbacks ? "All fallback providers failed" : "All retry attempts failed";
  const cause = last?.message ?? "no provider was available";
  switch (last?.failureClass) {
    case "rate_limit":
      return new GatewayError("rate_limit", `${what}: ${cause}`, {
        code: "rate_limit_exceeded",
        ...(last.details.retryAfterMs !== undefined ? { retryAfterMs: last.details.retryAfterMs } : {}),
      });
    case "timeout":
      return new GatewayError("timeout", `${what}: ${cause}`, { code: "provider_timeout" });
    case "server_error":
    case "network_error":
    case "client_error":
    case undefined:
      return new GatewayError("upstream", `${what}: Provider API error: ${cause}`, {
        code: "provider_unavailable",
      });
  }
}

function sleepUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(ms, undefined, { signal });
}
