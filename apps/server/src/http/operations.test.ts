import { compileErrors, validate as validateOpenApi } from "@readme/openapi-parser";
import { readyResponseSchema } from "@tributary/contracts";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../platform/telemetry/logger.js";
import { createMetrics } from "../platform/telemetry/metrics.js";
import { edgeTestAuth, edgeTestRoutes } from "../testing/edge-test-routes.js";
import { startTestInstance, type TestInstance } from "../testing/test-instance.js";
import { buildHttpApp, denyAllAuth } from "./build-app.js";
import { IdempotencyStore } from "./idempotency-store.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no HTTP app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance({ routes: edgeTestRoutes(), auth: edgeTestAuth });
});
afterAll(async () => {
  await instance?.close();
});

describe("/openapi.json", () => {
  it("validates as OpenAPI 3.1 and documents the routes with the error envelope", async () => {
    const res = await app().inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.openapi).toBe("3.1.0");
    const validation = await validateOpenApi(structuredClone(document));
    expect(validation.valid ? [] : compileErrors(validation)).toEqual([]);
    expect(validation.specification).toBe("OpenAPI");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/health/ready", "/health/live", "/api/v1/test/echo"]),
    );
    expect(document.paths["/metrics"]).toBeUndefined();
    const echo = document.paths["/api/v1/test/echo"].post;
    expect(Object.keys(echo.responses)).toEqual(expect.arrayContaining(["200", "4XX", "5XX"]));
  });
});

describe("/metrics", () => {
  it("parses as Prometheus text with request, latency, event-loop, process, queue and outbox series", async () => {
    await app().inject({ method: "GET", url: "/health/live" });
    await app().inject({ method: "GET", url: "/api/v1/no-such-route" });
    const res = await app().inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    const families = parsePrometheusTextFormat(res.body);
    const byName = new Map(families.map((family) => [family.name, family]));
    for (const name of [
      "http_requests_total",
      "http_request_duration_seconds",
      "nodejs_eventloop_lag_seconds",
      "process_resident_memory_bytes",
      "process_cpu_seconds_total",
      "tributary_jobs_queued",
      "tributary_outbox_lag_seconds",
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    const requests = byName.get("http_requests_total")?.metrics ?? [];
    expect(requests).toContainEqual(
      expect.objectContaining({ labels: { route: "/health/live", method: "GET", status: "200" } }),
    );
    // Unmatched URLs share one label value, so a scanner cannot blow up the series count.
    expect(requests).toContainEqual(
      expect.objectContaining({ labels: { route: "unmatched", method: "GET", status: "404" } }),
    );
    expect(byName.get("http_request_duration_seconds")?.type).toBe("HISTOGRAM");
  });
});

describe("/health/ready when a component is down", () => {
  it("answers 503 naming the failing component", async () => {
    const degraded = await buildHttpApp({
      logger: createLogger("silent"),
      metrics: createMetrics(),
      probes: [
        { name: "database", adapter: "pglite", probe: async () => undefined },
        {
          name: "cache",
          adapter: "redis",
          probe: async () => {
            throw new Error("connect ECONNREFUSED 127.0.0.1:1");
          },
        },
      ],
      routes: [],
      auth: denyAllAuth,
      idempotency: new IdempotencyStore(instance.resources.sql),
      rateLimiter: (options) => instance.resources.cache.rateLimiter(options),
      rateLimitPerMinute: 100,
      bodyLimitBytes: 1024,
      corsOrigins: [],
      version: "test",
    });
    const res = await degraded.inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(503);
    const body = readyResponseSchema.parse(res.json());
    expect(body.failing).toEqual(["cache"]);
    expect(body.components.find((c) => c.name === "cache")?.error).toContain("ECONNREFUSED");
    await degraded.close();
  });
});
