import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCache } from "../platform/cache/index.js";
import type { Sql } from "../platform/sql/index.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { createMetrics } from "../platform/telemetry/metrics.js";
import { edgeTestAuth, edgeTestRoutes } from "../testing/edge-test-routes.js";
import { openTestSql } from "../testing/test-sql.js";
import { buildHttpApp } from "./build-app.js";
import { IdempotencyStore } from "./idempotency-store.js";

let sql: Sql;
beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  await sql?.close();
});

/** A logger at `warn` whose lines are kept for the test to read. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger("warn", sink), lines };
}

describe("a route that writes its own response", () => {
  it("answers with what it wrote, and the route builder sends nothing after it", async () => {
    const { logger, lines } = capturedLogger();
    const app = await buildHttpApp({
      logger,
      metrics: createMetrics(),
      probes: [],
      routes: edgeTestRoutes(),
      auth: edgeTestAuth,
      idempotency: new IdempotencyStore(sql),
      rateLimiter: (options) => createMemoryCache().rateLimiter(options),
      rateLimitPerMinute: 100,
      bodyLimitBytes: 1024,
      corsOrigins: [],
      version: "test",
    });
    try {
      const res = await app.inject({ method: "GET", url: "/api/v1/test/stream" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/event-stream");
      expect(res.body).toBe("data: one\n\n");
      // Fastify warns FST_ERR_REP_ALREADY_SENT when a hijacked reply is sent again.
      expect(lines.filter((line) => line.includes("FST_ERR_REP_ALREADY_SENT"))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
