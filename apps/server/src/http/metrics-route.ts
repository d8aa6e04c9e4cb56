import type { FastifyInstance } from "fastify";
import { type Metrics, seriesByLabels } from "../platform/telemetry/metrics.js";

/** Prometheus text at /metrics, and request counting for every route by its pattern (not its URL). */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  const seriesOf = seriesByLabels(([route = "", method = "", status = ""]) => {
    const labels = { route, method, status };
    return { requests: metrics.httpRequests.labels(labels), duration: metrics.httpDuration.labels(labels) };
  });
  app.addHook("onResponse", (request, reply, done) => {
    const series = seriesOf(
      request.routeOptions.url ?? "unmatched",
      request.method,
      String(reply.statusCode),
    );
    series.requests.inc();
    series.duration.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header("content-type", metrics.registry.contentType).send(body);
  });
}
