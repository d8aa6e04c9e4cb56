import { Counter, Histogram } from "prom-client";
import { type Metrics, seriesByLabels } from "../../platform/telemetry/metrics.js";
import type { TokenUsage } from "./pricing/token-usage.js";

/** The gateway's Prometheus series; labels stay within the budget (model, provider, status, class). */
export function createGatewayMetrics(metrics: Metrics) {
  const registers = [metrics.registry];
  const requests = new Counter({
    name: "gateway_requests_total",
    help: "Gateway calls by served model, provider and HTTP status",
    labelNames: ["model", "provider", "status"] as const,
    registers,
  });
  const overhead = new Histogram({
    name: "gateway_overhead_seconds",
    help: "Time spent in Tributary itself per gateway call (total minus provider time)",
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers,
  });
  const tokens = new Counter({
    name: "gateway_tokens_total",
    help: "Tokens metered by the gateway, by class",
    labelNames: ["class"] as const,
    registers,
  });
  const cost = new Counter({
    name: "gateway_cost_usd_total",
    help: "Provider cost metered by the gateway, in USD",
    registers,
  });
  // Bound once: `inc(labels, n)` hashes its label object on every call.
  const tokenClasses = {
    input: tokens.labels({ class: "input" }),
    cachedInput: tokens.labels({ class: "cached_input" }),
    cacheWrite: tokens.labels({ class: "cache_write" }),
    output: tokens.labels({ class: "output" }),
    reasoning: tokens.labels({ class: "reasoning" }),
  };
  const callCounter = seriesByLabels(([model = "", provider = "", status = ""]) =>
    requests.labels({ model, provider, status }),
  );
  return {
    observe(call: {
      model: string;
      provider: string;
      status: number;
      overheadMs: number;
      usage: TokenUsage | null;
      costUsd: number;
    }): void {
      callCounter(call.model, call.provider, String(call.status)).inc();
      overhead.observe(call.overheadMs / 1000);
      const usage = call.usage;
      if (usage) {
        const uncached = Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens);
        if (uncached) tokenClasses.input.inc(uncached);
        if (usage.cachedInputTokens) tokenClasses.cachedInput.inc(usage.cachedInputTokens);
        if (usage.cacheWriteTokens) tokenClasses.cacheWrite.inc(usage.cacheWriteTokens);
        const plainOutput = Math.max(0, usage.outputTokens - usage.reasoningTokens);
        if (plainOutput) tokenClasses.output.inc(plainOutput);
        if (usage.reasoningTokens) tokenClasses.reasoning.inc(usage.reasoningTokens);
      }
      if (call.costUsd > 0) cost.inc(call.costUsd);
    },
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
