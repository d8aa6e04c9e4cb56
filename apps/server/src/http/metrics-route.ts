import type { FastifyInstance } from "fastify";
import type { Metrics } from "../platform/telemetry/metrics.js";

/** Prometheus text at /metrics, and request counting for every route by its pattern (not its URL). */
export function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  // One pair of labelled series per route, method and status, looked up by a string: prom-client
  // would otherwise hash the label object twice on every response.
  const series = new Map<string, { count(): void; time(seconds: number): void }>();
  const seriesOf = (route: string, method: string, status: string) => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      const labels = { route, method, status };
      const requests = metrics.httpRequests.labels(labels);
      const duration = metrics.httpDuration.labels(labels);
      found = { count: () => requests.inc(), time: (seconds) => duration.observe(seconds) };
      series.set(key, found);
    }
    return found;
  };
  app.addHook("onResponse", (request, reply, done) => {
    const labelled = seriesOf(
      request.routeOptions.url ?? "unmatched",
      request.method,
      String(reply.statusCode),
    );
    labelled.count();
    labelled.time(reply.elapsedTime / 1000);
    done();
  });
  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.header("content-type", metrics.registry.contentType).send(body);
  });
}
