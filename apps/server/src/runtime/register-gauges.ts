import type { Metrics } from "../platform/telemetry/metrics.js";
import type { Resources } from "./open-resources.js";

/** Gauges read at scrape time: queue depth per queue and the age of the oldest unrelayed event. */
export function registerResourceGauges(metrics: Metrics, resources: Resources): void {
  metrics.gauge({
    name: "tributary_jobs_queued",
    help: "Jobs waiting to run, by queue",
    labelNames: ["queue"],
    collect: async (gauge) => {
      gauge.reset();
      for (const [queue, depth] of Object.entries(await resources.jobs.depth())) gauge.set({ queue }, depth);
    },
  });
  metrics.gauge({
    name: "tributary_outbox_lag_seconds",
    help: "Age of the oldest event written but not yet relayed (0 when none)",
    collect: async (gauge) => {
      gauge.set((await resources.events.outboxLagMs()) / 1000);
    },
  });
}
