import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** One registry per running instance, so several instances (tests) never share counters. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<"route" | "method" | "status">;
  readonly httpDuration: Histogram<"route" | "method" | "status">;
  /** Registers a gauge whose value is read at scrape time. */
  gauge(options: {
    name: string;
    help: string;
    labelNames?: string[];
    collect: (gauge: Gauge) => Promise<void>;
  }): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Process CPU/memory/handles and event-loop lag (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests served, by route pattern, method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration in seconds, by route pattern, method and status",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return {
    registry,
    httpRequests,
    httpDuration,
    gauge({ name, help, labelNames = [], collect }) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          try {
            await collect(this);
          } catch {
            // A failing source must not break the whole scrape; readiness reports the failure.
          }
        },
      });
    },
  };
}

/**
 * Labelled children of prom-client metrics, made once per combination of label values and found
 * again by those values: `metric.inc(labels)` hashes the label object on every call, which the
 * per-request series can do without.
 */
export function seriesByLabels<T>(make: (values: readonly string[]) => T): (...values: string[]) => T {
  const made = new Map<string, T>();
  return (...values) => {
    const key = values.join("\u0000");
    let series = made.get(key);
    if (series === undefined) {
      series = make(values);
      made.set(key, series);
    }
    return series;
  };
}
