import type { IncomingHttpHeaders } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { GatewayError } from "../gateway-error.js";
import { countPromptTokens } from "../pricing/estimate-tokens.js";
import type { GatewayCaller } from "../routes/gateway-caller.js";
import { planRoute } from "../routing/plan-route.js";
import { noExtensions, takeRouterExtensions } from "../routing/router-extensions.js";
import { UpstreamFailure } from "../upstream/upstream-failure.js";
import { CallAbortPool } from "./call-abort-pool.js";
import { finishMetering } from "./call-metering.js";
import { type CallReply, httpCallReply } from "./call-reply.js";
import { type CallState, type GatewayDeps, newCallState } from "./call-state.js";
import type { InboundProtocol } from "./inbound-protocol.js";
import { serveJson } from "./serve-json.js";
import { serveStream } from "./serve-stream.js";

export type { GatewayDeps } from "./call-state.js";

/** Each call's cancellation (the client went away): reused between calls, see `CallAbortPool`. */
const abortControllers = new CallAbortPool();

/** What one call brings, whether it came over HTTP or from a module of this process. */
export interface CallInput {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  /** Who calls: resolved from the request's credentials, or already known to an in-process caller. */
  resolveCaller(): Promise<GatewayCaller>;
}

/** One OpenAI or Anthropic call through the governed pipeline: auth, limits, routing, metering. */
export async function serveCompletion(
  inbound: InboundProtocol,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: GatewayDeps,
): Promise<void> {
  const input: CallInput = {
    headers: request.headers,
    body: request.body,
    resolveCaller() {
      return deps.resolveCaller(request);
    },
  };
  await runCompletion(inbound, input, httpCallReply(reply), deps);
}

/** The pipeline itself; `reply` decides where the answer goes (HTTP or an in-process caller). */
export async function runCompletion(
  inbound: InboundProtocol,
  input: CallInput,
  reply: CallReply,
  deps: GatewayDeps,
): Promise<void> {
  const state = newCallState(inbound, input.headers);
  try {
    await run(inbound, input, reply, deps, state);
  } catch (error) {
    await fail(inbound, reply, deps, state, error);
  }
}

async function run(
  inbound: InboundProtocol,
  input: CallInput,
  reply: CallReply,
  deps: GatewayDeps,
  state: CallState,
): Promise<void> {
  const caller = await input.resolveCaller();
  state.caller = caller;
  const body = input.body;
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

  const cacheHeader = input.headers["x-tributary-cache"];
  const useCache =
    !state.stream && cacheHeader !== "off" && (cacheHeader === "on" || settings.cache === true);
  const cacheKey = useCache
    ? deps.responseCache.keyOf(caller.tenantId, inbound.name, { model: plan.primary[0]?.model.id, fields })
    : null;
  if (cacheKey) {
    const hit = await deps.responseCache.get(cacheKey);
    if (hit) {
      const overheadMs = performance.now() - state.startedAt;
      await reply.sendJson(
        200,
        { "x-tributary-cache": "hit", "x-tributary-overhead-ms": overheadMs.toFixed(3) },
        JSON.stringify(hit.body),
      );
      finishMetering(deps, state, {
        target: plan.primary[0] ?? null,
        usage: null,
        costUsd: 0,
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
          ? // One literal with every field (not conditional spreads): spreads give each call's object a
            // fresh hidden class, and V8 then keeps those objects alive through young-generation GCs.
            {
              dailyUsd: settings.budget_daily_usd,
              monthlyUsd: settings.budget_monthly_usd,
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

  const abort = abortControllers.acquire();
  const stopWatching = reply.onGone(() => abort.abort());
  // A client gone while the call was being authorized: its close event has already passed.
  if (reply.gone) abort.abort();
  try {
    if (state.stream) await serveStream(inbound, reply, deps, state, fields, plan, abort.signal);
    else await serveJson(inbound, reply, deps, state, fields, plan, abort.signal, cacheKey);
  } finally {
    stopWatching();
    abortControllers.release(abort);
  }
}

async function fail(
  inbound: InboundProtocol,
  reply: CallReply,
  deps: GatewayDeps,
  state: CallState,
  error: unknown,
): Promise<void> {
  const known =
    error instanceof GatewayError || error instanceof UpstreamFailure
      ? error
      : new GatewayError("internal", "The gateway failed to handle this call", { code: "internal_error" });
  if (!(error instanceof GatewayError) && !(error instanceof UpstreamFailure)) {
    reply.logError(error, "gateway call failed");
  }
  const rendered = inbound.renderError(known);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  if (state.reservation !== null) {
    const reservation = state.reservation;
    state.reservation = null;
    void deps.budgets.release(reservation).catch(() => {});
  }
  // Only a client that went away aborts the call's signal: nothing was generated, nothing is billed.
  const cancelled = known instanceof GatewayError && known.options.code === "request_cancelled";
  if (state.caller && state.plan) {
    finishMetering(deps, state, {
      target: null,
      usage: null,
      costUsd: 0,
      estimated: false,
      status: cancelled ? "cancelled" : "error",
      httpStatus: rendered.status,
      errorCode: known instanceof GatewayError ? (known.options.code ?? known.kind) : known.failureClass,
      cacheHit: false,
      trace: null,
      overheadMs,
    });
  } else {
    // Refused before routing (authentication, a bad body, an unknown model): no usage record, but
    // the request still counts; the requested model is free text, so it stays out of the labels.
    deps.metrics.observe({
      model: "unknown",
      provider: "none",
      status: rendered.status,
      overheadMs,
      usage: null,
      costUsd: 0,
    });
  }
  if (reply.started) {
    reply.end();
    return;
  }
  await reply.sendJson(
    rendered.status,
    { "x-tributary-overhead-ms": overheadMs.toFixed(3), ...rendered.headers },
    JSON.stringify(rendered.body),
  );
}

function rateLimited(what: string, retryAfterMs: number, limit: number): GatewayError {
  return new GatewayError("rate_limit", `Rate limit of ${limit} ${what} exceeded for this API key`, {
    code: "rate_limit_exceeded",
    retryAfterMs,
  });
}
