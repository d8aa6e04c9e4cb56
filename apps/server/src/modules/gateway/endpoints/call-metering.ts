import type { BudgetReservation } from "../gateway-ports.js";
import { countTextTokens } from "../pricing/estimate-tokens.js";
import { roundUsd, type TokenUsage } from "../pricing/token-usage.js";
import type { GatewayCaller } from "../routes/gateway-caller.js";
import type { ExecutionTrace } from "../routing/execute-plan.js";
import type { Target } from "../routing/plan-route.js";
import type { CallState, GatewayDeps } from "./call-state.js";

/** A stream cut short keeps the provider's input count if it came, and counts what was generated. */
export function mergeEstimate(state: CallState, reported: TokenUsage | null, generated: string): TokenUsage {
  const counted = estimateUsage(state, generated);
  if (!reported) return counted;
  return { ...reported, outputTokens: Math.max(reported.outputTokens, counted.outputTokens) };
}

export function estimateUsage(state: CallState, generated: string): TokenUsage {
  return {
    inputTokens: state.promptTokens,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: countTextTokens(generated),
    reasoningTokens: 0,
  };
}

export function routerMetadata(
  state: CallState,
  target: Target,
  trace: ExecutionTrace,
  actualCostUsd: number,
  overheadMs: number,
): Record<string, unknown> {
  return {
    provider: target.provider.name,
    model: target.deployment.upstreamModel,
    deployment_id: target.deployment.id,
    routing_reason: trace.reasons,
    estimated_cost: roundUsd(state.plan?.estimatedCostUsd ?? 0),
    actual_cost: actualCostUsd,
    processing_time: Math.round(performance.now() - state.startedAt),
    provider_latency: Math.round(state.providerMs),
    overhead_ms: Number(overheadMs.toFixed(3)),
    request_id: state.extensions.requestId ?? undefined,
    attempt_count: trace.attemptCount,
    failed_providers: trace.failedProviders,
    fallback_used: trace.fallbackUsed,
    retry_delays: trace.retryDelays,
    total_retry_time: trace.totalRetryTimeMs,
  };
}

export interface MeteringFacts {
  readonly target: Target | null;
  readonly usage: TokenUsage | null;
  /** Provider cost of `usage` at the target's prices; 0 for cache hits and failures. */
  readonly costUsd: number;
  readonly estimated: boolean;
  readonly status: "success" | "error" | "cancelled";
  readonly httpStatus: number;
  readonly errorCode: string | null;
  readonly cacheHit: boolean;
  readonly trace: ExecutionTrace | null;
  readonly overheadMs: number;
}

/** Settles the budget, reconciles token limits and records usage; never throws into the response. */
export function finishMetering(deps: GatewayDeps, state: CallState, facts: MeteringFacts): void {
  const caller = state.caller;
  if (!caller) return;
  const usage = facts.usage ?? {
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
  };
  const { costUsd } = facts;
  const reservation = state.reservation;
  state.reservation = null;
  deps.metrics.observe({
    model: facts.target?.model.name ?? "unknown",
    provider: facts.target?.provider.name ?? "none",
    status: facts.httpStatus,
    overheadMs: facts.overheadMs,
    usage: facts.usage,
    costUsd,
  });
  void recordCall(deps, state, facts, caller, reservation, usage).catch((error: unknown) =>
    deps.logger.warn({ err: error }, "gateway metering failed (budget, token limit or usage record)"),
  );
}

/** The part of metering that waits on stores: settle the budget, reconcile the token limit, record usage. */
async function recordCall(
  deps: GatewayDeps,
  state: CallState,
  facts: MeteringFacts,
  caller: GatewayCaller,
  reservation: BudgetReservation | null,
  usage: TokenUsage,
): Promise<void> {
  const { costUsd } = facts;
  const settings = caller.principal.apiKey?.gateway ?? {};
  if (reservation !== null) await deps.budgets.settle(reservation, costUsd);
  if (caller.apiKeyId && settings.tpm && state.tokenEstimate > 0) {
    await deps.limits.recordTokens(
      caller.apiKeyId,
      settings.tpm,
      usage.inputTokens + usage.outputTokens,
      state.tokenEstimate,
    );
  }
  await deps.usage.record({
    tenantId: caller.tenantId,
    spaceId: caller.spaceId,
    userId: caller.userId,
    apiKeyId: caller.apiKeyId,
    applicationId: state.extensions.applicationId,
    requestId: state.extensions.requestId ?? "",
    endpoint: state.endpoint,
    protocol: state.protocol,
    requestedModel: state.requestedModel,
    model: facts.target?.model.name ?? state.requestedModel,
    provider: facts.target?.provider.name ?? "",
    deploymentId: facts.target?.deployment.id ?? null,
    // Named one by one: a spread in the middle of a literal this size builds it in dictionary mode.
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    outputTokens: usage.outputTokens,
    reasoningTokens: usage.reasoningTokens,
    costUsd,
    priceVersion: facts.target ? String(facts.target.model.priceVersion) : null,
    estimated: facts.estimated,
    latencyMs: Math.round(performance.now() - state.startedAt),
    overheadMs: Number(facts.overheadMs.toFixed(3)),
    status: facts.status,
    httpStatus: facts.httpStatus,
    errorCode: facts.errorCode,
    cacheHit: facts.cacheHit,
    fallbackUsed: facts.trace?.fallbackUsed ?? false,
    attemptCount: facts.trace?.attemptCount ?? 0,
    guardrail: state.guardrail ? deps.guardrails.summary(state.guardrail) : null,
    stream: state.stream,
  });
}
