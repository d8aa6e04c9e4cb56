import { Counter, Histogram, type Metric } from "prom-client";
import type { Metrics } from "../../../platform/telemetry/metrics.js";

/**
 * The spec's embedding series (§3). `batch_size` is left out of the histogram's labels: it is
 * unbounded and outside the platform's label budget (tenant, model, route, status).
 */
export interface EmbeddingMetrics {
  observeBatch(labels: { provider: string; model: string }, seconds: number, tokens: number): void;
  countError(labels: { provider: string; model: string; error_type: string }): void;
}

export function createEmbeddingMetrics(metrics: Metrics | undefined): EmbeddingMetrics {
  if (!metrics) return { observeBatch: () => {}, countError: () => {} };
  const registers = [metrics.registry];
  // A second service on the same registry (tests) reuses the series instead of failing to register.
  const reuse = <T extends Metric>(name: string, create: () => T): T =>
    (metrics.registry.getSingleMetric(name) as T | undefined) ?? create();
  const generation = reuse(
    "embedding_generation_seconds",
    () =>
      new Histogram({
        name: "embedding_generation_seconds",
        help: "Time to embed one batch with a provider, by provider and model",
        labelNames: ["provider", "model"] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
        registers,
      }),
  );
  const tokens = reuse(
    "embedding_tokens_total",
    () =>
      new Counter({
        name: "embedding_tokens_total",
        help: "Tokens sent to remote embedding providers, by provider and model",
        labelNames: ["provider", "model"] as const,
        registers,
      }),
  );
  const errors = reuse(
    "embedding_errors_total",
    () =>
      new Counter({
        name: "embedding_errors_total",
        help: "Failed embedding batches, by provider, model and error type",
        labelNames: ["provider", "model", "error_type"] as const,
        registers,
      }),
  );
  return {
    observeBatch(labels, seconds, tokenCount) {
      generation.observe(labels, seconds);
      if (tokenCount > 0) tokens.inc(labels, tokenCount);
    },
    countError(labels) {
      errors.inc(labels);
    },
  };
}
