import type { IncomingHttpHeaders } from "node:http";
import type { Logger } from "../../../platform/telemetry/logger.js";
import type { ResponseCache } from "../cache/response-cache.js";
import type { CatalogSnapshot } from "../catalog/types.js";
import type { GatewayMetrics } from "../gateway-metrics.js";
import type { BudgetPort, BudgetReservation, KeyLimitsPort, UsagePort } from "../gateway-ports.js";
import type { GuardrailPolicy, Guardrails, GuardrailVerdict } from "../guardrails/guardrails.js";
import type { CallerResolver, GatewayCaller } from "../routes/gateway-caller.js";
import type { CircuitBreakers } from "../routing/circuit-breaker.js";
import type { LatencyTracker } from "../routing/latency-tracker.js";
import type { RoutePlan, Target } from "../routing/plan-route.js";
import { noExtensions, type RouterExtensions } from "../routing/router-extensions.js";
import type { Upstreams } from "../upstream/provider-upstreams.js";
import { toFailure, type UpstreamResponse } from "../upstream/upstream-client.js";
import type { InboundProtocol } from "./inbound-protocol.js";

/** What every gateway call uses; built once by the gateway module. */
export interface GatewayDeps {
  readonly resolveCaller: CallerResolver;
  readonly catalog: { snapshot(): CatalogSnapshot };
  readonly upstream: Upstreams;
  readonly breakers: CircuitBreakers;
  readonly latency: LatencyTracker;
  readonly responseCache: ResponseCache;
  readonly limits: KeyLimitsPort;
  readonly budgets: BudgetPort;
  readonly usage: UsagePort;
  readonly guardrails: Guardrails;
  readonly metrics: GatewayMetrics;
  readonly defaultGuardrailPolicy: GuardrailPolicy;
  readonly logger: Logger;
}

/** What one call has learned so far; the serving steps fill it in and metering reads it. */
export interface CallState {
  readonly startedAt: number;
  readonly clientHeaders: IncomingHttpHeaders;
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

export function newCallState(inbound: InboundProtocol, clientHeaders: IncomingHttpHeaders): CallState {
  return {
    startedAt: performance.now(),
    clientHeaders,
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
}

/** Sends the call, in the target's protocol, to the target's provider; transport errors come back classified. */
export async function sendUpstream(
  deps: GatewayDeps,
  inbound: InboundProtocol,
  state: CallState,
  fields: Record<string, unknown>,
  target: Target,
  stream: boolean,
  signal: AbortSignal,
): Promise<UpstreamResponse> {
  const call = inbound.toUpstream(fields, target, stream, state.clientHeaders);
  try {
    return await deps.upstream.send({
      provider: target.provider,
      path: call.path,
      body: call.body,
      ...(call.headers ? { headers: call.headers } : {}),
      signal,
      timeoutMs: target.provider.timeoutMs,
      ...(target.deployment.modelPath ? { modelPath: target.deployment.modelPath } : {}),
    });
  } catch (error) {
    throw toFailure(error, target.provider);
  }
}
