import { GatewayError } from "../gateway-error.js";
import { costOf } from "../pricing/token-usage.js";
import { executePlan } from "../routing/execute-plan.js";
import type { RoutePlan } from "../routing/plan-route.js";
import { toFailure } from "../upstream/upstream-client.js";
import { estimateUsage, finishMetering, routerMetadata } from "./call-metering.js";
import type { CallReply } from "./call-reply.js";
import { type CallState, type GatewayDeps, sendUpstream } from "./call-state.js";
import type { InboundProtocol } from "./inbound-protocol.js";

/** A non-stream call: routed with retries and fallback, guarded, decorated, cached when asked, metered. */
export async function serveJson(
  inbound: InboundProtocol,
  reply: CallReply,
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
      const sentAt = performance.now();
      try {
        const response = await sendUpstream(deps, inbound, state, fields, target, false, signal);
        return await response.body.text();
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
  let redacted = false;
  if (state.guardrail && state.guardrail.policy !== "off") {
    const verdict = deps.guardrails.inspectCompletion(
      inbound.completionTexts(result.body),
      state.guardrail.policy,
    );
    state.guardrail = deps.guardrails.merge(state.guardrail, verdict);
    redacted = verdict.redacted;
    if (verdict.blocked) {
      throw new GatewayError("guardrail_blocked", "The completion contains personal data the policy blocks", {
        code: "guardrail_blocked",
      });
    }
  }
  const usage = result.usage ?? estimateUsage(state, result.text);
  const costUsd = costOf(usage, executed.target.model.prices);
  const overheadMs = performance.now() - state.startedAt - state.providerMs;
  const metadata = routerMetadata(state, executed.target, executed.trace, costUsd, overheadMs);
  // The cache keeps `body` itself, metadata included, so a call that fills it encodes it anew.
  const text = inbound.encode(result, metadata, !redacted && cacheKey === null);
  await reply.sendJson(
    200,
    {
      "x-tributary-overhead-ms": overheadMs.toFixed(3),
      ...(cacheKey ? { "x-tributary-cache": "miss" } : {}),
    },
    text,
  );
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
    costUsd,
    estimated: result.usage === null,
    status: "success",
    httpStatus: 200,
    errorCode: null,
    cacheHit: false,
    trace: executed.trace,
    overheadMs,
  });
}
