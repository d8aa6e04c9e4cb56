import type { FastifyReply, FastifyRequest } from "fastify";
import type { ResponseCache } from "../cache/response-cache.js";
import type { CatalogSnapshot } from "../catalog/types.js";
import { GatewayError } from "../gateway-error.js";
import type { GatewayMetrics } from "../gateway-metrics.js";
import type { BudgetPort, BudgetReservation, KeyLimitsPort, UsagePort } from "../gateway-ports.js";
import type { GuardrailPolicy, Guardrails, GuardrailVerdict } from "../guardrails/guardrails.js";
import { countPromptTokens, countTextTokens } from "../pricing/estimate-tokens.js";
import { costOf, type TokenUsage } from "../pricing/token-usage.js";
import { parseSse } from "../protocols/index.js";
import type { CallerResolver, GatewayCaller } from "../routes/gateway-caller.js";
import type { CircuitBreakers } from "../routing/circuit-breaker.js";
import { type ExecutionTrace, executePlan } from "../routing/execute-plan.js";
import type { LatencyTracker } from "../routing/latency-tracker.js";
import { planRoute, type RoutePlan, type Target } from "../routing/plan-route.js";
import { noExtensions, type RouterExtensions, takeRouterExtensions } from "../routing/router-extensions.js";
import { toFailure, type UpstreamClient } from "../upstream/upstream-client.js";
import { UpstreamFailure } from "../upstream/upstream-failure.js";
import type { InboundProtocol, SseEvent, StreamSession } from "./inbound-protocol.js";

export interface GatewayDeps {
  readonly resolveCaller: CallerResolver;
  readonly catalog: { snapshot(): CatalogSnapshot };
  readonly upstream: UpstreamClient;
  readonly breakers: CircuitBreakers;
  readonly latency: LatencyTracker;
  readonly responseCache: ResponseCache;
  readonly limits: KeyLimitsPort;
  readonly budgets: BudgetPort;
  readonly usage: UsagePort;
  readonly guardrails: Guardrails;
  readonly metrics: GatewayMetrics;
  readonly defaultGuardrailPolicy: GuardrailPolicy;
}

interface CallState {
  readonly startedAt: number;
  readonly protocol: "openai" | "anthropic";
  readonly endpoint: "chat" | "messages" | "embeddings";
  providerMs: number;
  caller: GatewayCaller | null;
  requestedModel: string;
  extensions: RouterExtensions;
  stream: boolean;
  promptTokens: number;
  plan: RoutePlan | null;
  reservation: BudgetReservation | null;
  tokenEstimate: number;
  guardrail: GuardrailVerdict | null;
}

/** One OpenAI or Anthropic call through the governed pipeline: auth, limits, routing, metering. */
export async function serveCompletion(
  inbound: InboundProtocol,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: GatewayDeps,
): Promise<void> {
  const state: CallState = {
    startedAt: performance.now(),
    protocol: inbound.name,
    endpoint: inbound.endpoint,
    providerMs: 0,
    caller: null,
    requestedModel: "",
    extensions: noExtensions,
    stream: false,
    promptTokens: 0,
    plan: null,
    reservation: null,
    tokenEstimate: 0,
    guardrail: null,
  };
  try {
    await run(inbound, request, reply, deps, state);
  } catch (error) {
    await fail(inbound, reply, deps, state, error);
  }
}

async function run(
  inbound: InboundProtocol,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: GatewayDeps,
  state: CallState,
): Promise<void> {
  const caller = await deps.resolveCaller(request);
  state.caller = caller;
  const body = request.body;
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new GatewayError("invalid_request", "The request body must be a JSON object");
  }
  const fields = body as Record<string, unknown>;
  state.extensions = inbound.name === "openai" ? takeRouterExtensions(fields) : noExtensions;
  inbound.validate(fields);
  state.requestedModel = typeof fields.model === "string" ? fields.model : "";
  state.stream = fields.stream === true;
  const settings = caller.principal.apiKey?.gateway ?? {};
  const keyId = caller.apiKeyId;

  if (keyId && settings.rpm) {
    const decision = await deps.limits.checkRequest(keyId, settings.rpm);
    if (!decision.allowed) throw rateLimited("requests per minute", decision.retryAfterMs, settings.rpm);
  }
  state.promptTokens = countPromptTokens(fields);
  const maxTokens = inbound.maxTokens(fields);
  const plan = planRoute({
    catalog: deps.catalog.snapshot(),
    kind: inbound.kind,
    requestedModel: state.requestedModel,
    extensions: state.extensions,
    needs: inbound.needs(fields),
    promptTokens: state.promptTokens,
    maxTokens,
    allowedModels: settings.allowed_models ?? [],
    breakers: deps.breakers,
    latency: deps.latency,
  });
  state.plan = plan;
  if (keyId && settings.tpm) {
    state.tokenEstimate = state.promptTokens + (maxTokens ?? 0);
    const decision = await deps.limits.checkTokens(keyId, settings.tpm, state.tokenEstimate);
    if (!decision.allowed) throw rateLimited("tokens per minute", decision.retryAfterMs, settings.tpm);
  }

  const policy = settings.guardrail_policy ?? deps.defaultGuardrailPolicy;
  if (policy !== "off") {
    state.guardrail = deps.guardrails.inspectPrompt(inbound.promptTexts(fields), policy);
    if (state.guardrail.blocked) {
      throw new GatewayError("guardrail_blocked", "The prompt contains personal data the policy blocks", {
        code: "guardrail_blocked",
      });
    }
  }

  const cacheHeader = request.headers["x-tributary-cache"];
  const useCache =
    !state.stream && cacheHeader !== "off" && (cacheHeader === "on" || settings.cache === true);
  const cacheKey = useCache
    ? deps.responseCache.keyOf(caller.tenantId, inbound.name, { model: plan.primary[0]?.model.id, fields })
    : null;
  if (cacheKey) {
    const hit = await deps.responseCache.get(cacheKey);
    if (hit) {
      const overheadMs = performance.now() - state.startedAt;
      reply.header("x-tributary-cache", "hit").header("x-tributary-overhead-ms", overheadMs.toFixed(3));
      await reply.status(200).type("application/json").send(JSON.stringify(hit.body));
      finishMetering(deps, state, {
        target: plan.primary[0] ?? null,
        usage: null,
        estimated: false,
        status: "success",
        httpStatus: 200,
        errorCode: null,
        cacheHit: true,
        trace: null,
        overheadMs,
      });
      return;
    }
  }

  const outcome = await deps.budgets.reserve(
    {
      tenantId: caller.tenantId,
      spaceId: caller.spaceId,
      userId: caller.userId,
      apiKeyId: keyId,
      keyBudgets:
        settings.budget_daily_usd !== undefined || settings.budget_monthly_usd !== undefined
          ? {
              ...(settings.budget_daily_usd !== undefined ? { dailyUsd: settings.budget_daily_usd } : {}),
              ...(settings.budget_monthly_usd !== undefined
                ? { monthlyUsd: settings.budget_monthly_usd }
                : {}),
              mode: settings.budget_mode ?? "hard",
            }
          : null,
    },
    plan.estimatedCostUsd,
  );
  if (!outcome.ok) {
    const { scope, period, limitUsd, spentUsd } = outcome.exceeded;
    throw new GatewayError(
      "budget_exceeded",
      `The ${period} budget of the ${scope} ($${limitUsd}) is exhausted ($${spentUsd.toFixed(6)} spent or reserved)`,
      { code: "budget_exceeded" },
    );
  }
  state.reservation = outcome.reservation;

  const abort = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableFinished) abort.abort();
  };
  reply.raw.on("close", onClose);
  try {
    if (state.stream) await serveStream(inbound, reply, deps, state, fields, plan, abort.signal);
    else await serveJson(inbound, reply, deps, state, fields, plan, abort.signal, cacheKey);
  } finally {
    reply.raw.off("close", onClose);
  }
}

async function serveJson(
  inbound: InboundProtocol,
  reply: FastifyReply,
  deps: GatewayDeps,
  state: CallState,
  fields: Record<string, unknown>,
  plan: RoutePlan,
  signal: AbortSignal,
  cacheKey: string | null,
): Promise<void> {
  const executed = await executePlan(
    plan,
    async (target) => {
      const call = inbound.toUpstream(fields, target, false);
      const sentAt = performance.now();
      try {
        const response = await deps.upstream.send({
          provider: target.provider,
          path: call.path,
          body: call.body,
          ...(call.headers ? { headers: call.headers } : {}),
          signal,
          timeoutMs: target.provider.timeoutMs,
        });
        const text = await response.body.text();
        return text;
      } catch (error) {
        throw toFailure(error, target.provider);
      } finally {
        state.providerMs += performance.now() - sentAt;
      }
    },
    { retry: state.extensions.retry, fallback: state.extensions.fallback, breakers: deps.breakers, signal },
  );
  deps.latency.observe(executed.target.deployment.id, state.providerMs);
  const result = inbound.fromUpstream(executed.value, executed.target, state.requestedModel, fields);
  if (state.guardrail && state.guardrail.policy !== "off") {
    const verdict = deps.guardrails.inspectCompletion(
      inbound.completionTexts(result.body),
      state.guardrail.policy,
    );
    state.guardrail = deps.guardrails.merge(state.guardrail, verdict);
    if (verdict.blocked) {
      throw new GatewayError("guardrail_blocked", "The completion contains personal data the policy blocks", {
        code: "guardrail_blocked",
      });
    }
  }
  const usage = result.usage ?? estimateUsage(state, result.text);
  const costUsd = costOf(usage, executed.target.model.prices);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  inbound.decorate(result.body, routerMetadata(state, executed.target, executed.trace, costUsd, overheadMs));
  reply.header("x-tributary-overhead-ms", overheadMs.toFixed(3));
  if (cacheKey) reply.header("x-tributary-cache", "miss");
  await reply.status(200).type("application/json").send(JSON.stringify(result.body));
  if (cacheKey) {
    await deps.responseCache
      .put(cacheKey, {
        body: result.body,
        model: executed.target.model.name,
        provider: executed.target.provider.name,
      })
      .catch(() => {});
  }
  finishMetering(deps, state, {
    target: executed.target,
    usage,
    estimated: result.usage === null,
    status: "success",
    httpStatus: 200,
    errorCode: null,
    cacheHit: false,
    trace: executed.trace,
    overheadMs,
  });
}

interface OpenedStream {
  readonly session: StreamSession;
  readonly events: AsyncIterator<SseEvent>;
  readonly buffered: SseEvent[];
  readonly done: boolean;
}

async function serveStream(
  inbound: InboundProtocol,
  reply: FastifyReply,
  deps: GatewayDeps,
  state: CallState,
  fields: Record<string, unknown>,
  plan: RoutePlan,
  signal: AbortSignal,
): Promise<void> {
  const wantsUsage = inbound.wantsStreamUsage(fields);
  let firstByteAt = 0;
  const executed = await executePlan(
    plan,
    async (target): Promise<OpenedStream> => {
      const call = inbound.toUpstream(fields, target, true);
      const sentAt = performance.now();
      try {
        const response = await deps.upstream.send({
          provider: target.provider,
          path: call.path,
          body: call.body,
          ...(call.headers ? { headers: call.headers } : {}),
          signal,
          timeoutMs: target.provider.timeoutMs,
        });
        // Read up to the first generated output: a stream that fails before it can still fall back.
        const events = parseSse(response.body)[Symbol.asyncIterator]();
        const session = inbound.openStream(target, state.requestedModel, wantsUsage, fields);
        const buffered: SseEvent[] = [];
        for (;;) {
          const next = await events.next();
          if (next.done) return { session, events, buffered, done: true };
          buffered.push(next.value);
          if (session.isFirstOutput(next.value)) return { session, events, buffered, done: false };
        }
      } catch (error) {
        throw toFailure(error, target.provider);
      } finally {
        firstByteAt = performance.now();
        state.providerMs += firstByteAt - sentAt;
      }
    },
    { retry: state.extensions.retry, fallback: state.extensions.fallback, breakers: deps.breakers, signal },
  );
  const { session, events, buffered } = executed.value;
  const target = executed.target;
  const filter = state.guardrail ? deps.guardrails.streamFilter(state.guardrail.policy) : null;
  if (filter) session.setTextFilter(filter);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  reply.raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-request-id": reply.request.id,
    "x-tributary-overhead-ms": overheadMs.toFixed(3),
  });
  const write = (frames: string[]) => {
    for (const frame of frames) reply.raw.write(frame);
  };
  let status: "success" | "error" | "cancelled" = "success";
  let errorCode: string | null = null;
  try {
    for (const event of buffered) write(session.push(event));
    if (!executed.value.done) {
      for (;;) {
        const next = await events.next();
        if (next.done) break;
        write(session.push(next.value));
      }
    }
  } catch (error) {
    if (signal.aborted) {
      status = "cancelled";
      errorCode = "client_disconnected";
    } else {
      status = "error";
      const failure = toFailure(error, target.provider);
      errorCode = failure.failureClass;
      if (!reply.raw.destroyed)
        reply.raw.write(session.errorFrame(`The provider stream failed: ${failure.message}`));
    }
  } finally {
    await events.return?.().catch(() => {});
  }
  state.providerMs += performance.now() - firstByteAt;
  deps.latency.observe(target.deployment.id, state.providerMs);
  const reported = session.usage();
  const usage =
    status === "success" && reported ? reported : mergeEstimate(state, reported, session.generatedText());
  const costUsd = costOf(usage, target.model.prices);
  if (!reply.raw.destroyed) {
    write(
      session.finish(
        status === "success" ? routerMetadata(state, target, executed.trace, costUsd, overheadMs) : null,
      ),
    );
    reply.raw.end();
  }
  if (filter && state.guardrail) state.guardrail = deps.guardrails.merge(state.guardrail, filter.verdict());
  finishMetering(deps, state, {
    target,
    usage,
    estimated: !(status === "success" && reported),
    status,
    httpStatus: 200,
    errorCode,
    cacheHit: false,
    trace: executed.trace,
    overheadMs,
  });
}

/** A stream cut short keeps the provider's input count if it came, and counts what was generated. */
function mergeEstimate(state: CallState, reported: TokenUsage | null, generated: string): TokenUsage {
  const counted = estimateUsage(state, generated);
  if (!reported) return counted;
  return { ...reported, outputTokens: Math.max(reported.outputTokens, counted.outputTokens) };
}

function estimateUsage(state: CallState, generated: string): TokenUsage {
  return {
    inputTokens: state.promptTokens,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: countTextTokens(generated),
    reasoningTokens: 0,
  };
}

function routerMetadata(
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
    estimated_cost: round(state.plan?.estimatedCostUsd ?? 0),
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

interface MeteringFacts {
  readonly target: Target | null;
  readonly usage: TokenUsage | null;
  readonly estimated: boolean;
  readonly status: "success" | "error" | "cancelled";
  readonly httpStatus: number;
  readonly errorCode: string | null;
  readonly cacheHit: boolean;
  readonly trace: ExecutionTrace | null;
  readonly overheadMs: number;
}

/** Settles the budget, reconciles token limits and records usage; never throws into the response. */
function finishMetering(deps: GatewayDeps, state: CallState, facts: MeteringFacts): void {
  const caller = state.caller;
  if (!caller) return;
  const usage = facts.usage ?? {
    inputTokens: 0,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
  };
  // Cache hits cost nothing at the provider.
  const costUsd = facts.target && !facts.cacheHit ? costOf(usage, facts.target.model.prices) : 0;
  const reservation = state.reservation;
  state.reservation = null;
  const settings = caller.principal.apiKey?.gateway ?? {};
  const background = async () => {
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
      usage,
      costUsd,
      priceVersion: facts.target?.model.priceVersion ?? null,
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
  };
  deps.metrics.observe({
    model: facts.target?.model.name ?? "unknown",
    provider: facts.target?.provider.name ?? "none",
    status: facts.httpStatus,
    overheadMs: facts.overheadMs,
    usage: facts.usage,
    costUsd,
  });
  void background().catch(() => {});
}

async function fail(
  inbound: InboundProtocol,
  reply: FastifyReply,
  deps: GatewayDeps,
  state: CallState,
  error: unknown,
): Promise<void> {
  const known =
    error instanceof GatewayError || error instanceof UpstreamFailure
      ? error
      : new GatewayError("internal", "The gateway failed to handle this call", { code: "internal_error" });
  if (!(error instanceof GatewayError) && !(error instanceof UpstreamFailure)) {
    reply.log.error({ err: error }, "gateway call failed");
  }
  const rendered = inbound.renderError(known);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  if (state.reservation !== null) {
    const reservation = state.reservation;
    state.reservation = null;
    void deps.budgets.release(reservation).catch(() => {});
  }
  if (state.caller && state.plan) {
    finishMetering(deps, state, {
      target: null,
      usage: null,
      estimated: false,
      status: "error",
      httpStatus: rendered.status,
      errorCode: known instanceof GatewayError ? (known.options.code ?? known.kind) : known.failureClass,
      cacheHit: false,
      trace: null,
      overheadMs,
    });
  }
  if (reply.sent || reply.raw.headersSent) {
    if (!reply.raw.writableEnded) reply.raw.end();
    return;
  }
  reply.header("x-tributary-overhead-ms", overheadMs.toFixed(3));
  for (const [name, value] of Object.entries(rendered.headers)) reply.header(name, value);
  await reply.status(rendered.status).type("application/json").send(JSON.stringify(rendered.body));
}

function rateLimited(what: string, retryAfterMs: number, limit: number): GatewayError {
  return new GatewayError("rate_limit", `Rate limit of ${limit} ${what} exceeded for this API key`, {
    code: "rate_limit_exceeded",
    retryAfterMs,
  });
}

function round(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}
