import { Writable } from "node:stream";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import { describe, expect, it } from "vitest";
import { createLogger } from "../platform/telemetry/logger.js";
import { LazyRequestLogger, lazyRequestLogger } from "./lazy-request-logger.js";

function captured(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, sink) as FastifyBaseLogger, lines };
}

describe("LazyRequestLogger", () => {
  it("builds its child only when something is logged, with the request's bindings and redaction", () => {
    const { logger, lines } = captured();
    const lazy = new LazyRequestLogger(logger, { reqId: "req-1" }, {});
    expect(lazy.built).toBe(false);
    expect(lazy.level).toBe("info");
    lazy.debug("below the level");
    expect(lazy.built).toBe(true);
    lazy.error({ provider: { api_key: "sk-secret" }, attempt: 2 }, "upstream failed %s", "twice");
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        reqId: "req-1",
        provider: { api_key: "***" },
        attempt: 2,
        msg: "upstream failed twice",
      }),
    ]);
    lazy.child({ scope: "inner" }).warn("nested");
    expect(lines[1]).toEqual(expect.objectContaining({ reqId: "req-1", scope: "inner", msg: "nested" }));
  });

  it("takes a route's own log level", () => {
    const { logger, lines } = captured();
    const lazy = new LazyRequestLogger(logger, { reqId: "req-2" }, { level: "error" });
    expect(lazy.level).toBe("error");
    lazy.warn("dropped");
    lazy.error("kept");
    expect(lines.map((line) => line.msg)).toEqual(["kept"]);
  });

  it("is what Fastify hands each request as request.log", async () => {
    const { logger, lines } = captured();
    const app = Fastify({
      loggerInstance: logger,
      logController: new LogController({ disableRequestLogging: true }),
      childLoggerFactory: lazyRequestLogger,
      genReqId: () => "req-3",
    });
    let quiet: FastifyBaseLogger | null = null;
    app.get("/quiet", async (request) => {
      quiet = request.log;
      return { ok: true };
    });
    app.get("/loud", async (request) => {
      request.log.info({ body: { password: "hunter2" } }, "logged from a route");
      return { ok: true };
    });
    expect((await app.inject({ url: "/quiet" })).statusCode).toBe(200);
    expect((quiet as LazyRequestLogger | null)?.built).toBe(false);
    expect((await app.inject({ url: "/loud" })).statusCode).toBe(200);
    expect(lines).toEqual([
      expect.objectContaining({ reqId: "req-3", body: { password: "***" }, msg: "logged from a route" }),
    ]);
    await app.close();
  });
});
