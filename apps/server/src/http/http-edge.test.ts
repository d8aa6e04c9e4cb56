import { errorEnvelopeSchema, readyResponseSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeTestAuth, edgeTestRoutes } from "../testing/edge-test-routes.js";
import { startTestInstance, type TestInstance } from "../testing/test-instance.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no HTTP app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance({
    routes: edgeTestRoutes(),
    auth: edgeTestAuth,
    env: { HTTP_BODY_LIMIT_BYTES: "2048" },
  });
});
afterAll(async () => {
  await instance?.close();
});

function expectEnvelope(body: string, code: string) {
  const envelope = errorEnvelopeSchema.parse(JSON.parse(body));
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.request_id).toBeTruthy();
  return envelope;
}

describe("bad input gets the error envelope with a 4xx, never a 500", () => {
  it("malformed JSON", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/api/v1/test/echo",
      headers: { "content-type": "application/json" },
      payload: '{"name": "x",',
    });
    expect(res.statusCode).toBe(400);
    expectEnvelope(res.body, "INVALID_JSON");
  });

  it("a body over the limit", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/api/v1/test/echo",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ name: "x".repeat(5000), count: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expectEnvelope(res.body, "PAYLOAD_TOO_LARGE");
  });

  it("a wrong content type", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/api/v1/test/echo",
      headers: { "content-type": "application/xml" },
      payload: "<name>x</name>",
    });
    expect(res.statusCode).toBe(415);
    expectEnvelope(res.body, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("an unknown route", async () => {
    const res = await app().inject({ method: "GET", url: "/api/v1/nothing-here?x=1" });
    expect(res.statusCode).toBe(404);
    const envelope = expectEnvelope(res.body, "ROUTE_NOT_FOUND");
    expect(envelope.error.message).toContain("/api/v1/nothing-here");
  });

  it("wrong types, missing and unknown fields, with the failing paths", async () => {
    for (const payload of [
      { name: 5, count: 1 },
      { count: 1 },
      { name: "a", count: 1, extra: true },
      { name: "a", count: -1 },
    ]) {
      const res = await app().inject({ method: "POST", url: "/api/v1/test/echo", payload });
      expect(res.statusCode).toBe(400);
      const envelope = expectEnvelope(res.body, "VALIDATION_ERROR");
      expect(envelope.error.details?.issues).toBeInstanceOf(Array);
    }
  });

  it("an over-long path parameter and a malformed URL", async () => {
    const long = await app().inject({ method: "GET", url: `/api/v1/test/items/${"x".repeat(300)}` });
    expect(long.statusCode).toBe(414);
    expectEnvelope(long.body, "URI_TOO_LONG");
    const tooLongForSchema = await app().inject({
      method: "GET",
      url: `/api/v1/test/items/${"x".repeat(100)}`,
    });
    expect(tooLongForSchema.statusCode).toBe(400);
    const malformed = await app().inject({ method: "GET", url: "/api/v1/test/items/%E0%A4%A" });
    expect(malformed.statusCode).toBe(400);
    expectEnvelope(malformed.body, "VALIDATION_ERROR");
  });

  it("an empty JSON body", async () => {
    const res = await app().inject({
      method: "POST",
      url: "/api/v1/test/echo",
      headers: { "content-type": "application/json" },
      payload: "",
    });
    expect(res.statusCode).toBe(400);
    expectEnvelope(res.body, "INVALID_JSON");
  });

  it("an unexpected failure is a 500 envelope that hides the cause", async () => {
    const res = await app().inject({ method: "GET", url: "/api/v1/test/boom" });
    expect(res.statusCode).toBe(500);
    const envelope = expectEnvelope(res.body, "INTERNAL_ERROR");
    expect(envelope.error.message).not.toContain("password");
  });
});

describe("request ids", () => {
  it("generates one and echoes a well-formed incoming one", async () => {
    const generated = await app().inject({ method: "GET", url: "/health/live" });
    expect(generated.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app().inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "req_abc123" },
    });
    expect(echoed.headers["x-request-id"]).toBe("req_abc123");
    const refused = await app().inject({
      method: "GET",
      url: "/health/live",
      headers: { "x-request-id": "bad id\u0001" },
    });
    // A fresh id instead (a generated hex id may itself contain "bad", so compare the shape).
    expect(refused.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("auth, scopes and space context hook points", () => {
  it("refuses a missing or unknown credential with 401", async () => {
    const res = await app().inject({ method: "GET", url: "/api/v1/test/me" });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toContain("Bearer");
    expectEnvelope(res.body, "UNAUTHORIZED");
  });

  it("lets a session in and refuses a key without the scope with 403", async () => {
    const ok = await app().inject({
      method: "GET",
      url: "/api/v1/test/me",
      headers: { authorization: "Bearer user-1" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: "user-1" });
    const denied = await app().inject({
      method: "GET",
      url: "/api/v1/test/me",
      headers: { authorization: "Bearer key-1" },
    });
    expect(denied.statusCode).toBe(403);
    expect(expectEnvelope(denied.body, "FORBIDDEN").error.details).toEqual({
      missing_scopes: ["documents:read"],
    });
  });

  it("requires X-Space-ID and derives the tenant on the server", async () => {
    const auth = { authorization: "Bearer user-7" };
    const missing = await app().inject({ method: "GET", url: "/api/v1/test/space", headers: auth });
    expect(missing.statusCode).toBe(400);
    const other = await app().inject({
      method: "GET",
      url: "/api/v1/test/space",
      headers: { ...auth, "x-space-id": "space_8" },
    });
    expect(other.statusCode).toBe(404);
    const own = await app().inject({
      method: "GET",
      url: "/api/v1/test/space",
      headers: { ...auth, "x-space-id": "space_7" },
    });
    expect(own.json()).toEqual({ space_id: "space_7", tenant_id: "tenant_7" });
  });
});

describe("rate-limit hook point", () => {
  it("answers 429 with Retry-After once the route's limit is spent", async () => {
    const statuses: number[] = [];
    let last = await app().inject({ method: "GET", url: "/api/v1/test/limited", remoteAddress: "10.9.9.9" });
    statuses.push(last.statusCode);
    for (let i = 0; i < 3; i++) {
      last = await app().inject({ method: "GET", url: "/api/v1/test/limited", remoteAddress: "10.9.9.9" });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
    expect(last.headers["ratelimit-limit"]).toBe("3");
    expectEnvelope(last.body, "RATE_LIMITED");
    const otherCaller = await app().inject({
      method: "GET",
      url: "/api/v1/test/limited",
      remoteAddress: "10.9.9.10",
    });
    expect(otherCaller.statusCode).toBe(200);
  });
});

describe("idempotency keys", () => {
  it("replays the first response and refuses the key for another request", async () => {
    const send = (note: string, key: string) =>
      app().inject({
        method: "POST",
        url: "/api/v1/test/writes",
        headers: { "idempotency-key": key },
        payload: { note },
      });
    const key = `k-${Date.now()}`;
    const first = await send("hello", key);
    const replay = await send("hello", key);
    expect(first.statusCode).toBe(201);
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    const reused = await send("different", key);
    expect(reused.statusCode).toBe(422);
    expectEnvelope(reused.body, "IDEMPOTENCY_KEY_REUSED");
    const fresh = await send("hello", `${key}-2`);
    expect(fresh.json().write).toBe(first.json().write + 1);
  });

  it("runs concurrent duplicates once", async () => {
    const key = `c-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        app().inject({
          method: "POST",
          url: "/api/v1/test/writes",
          headers: { "idempotency-key": key },
          payload: { note: "x" },
        }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    const busy = results.filter((r) => r.statusCode === 409);
    expect(ok.length + busy.length).toBe(5);
    expect(new Set(ok.map((r) => r.json().write)).size).toBe(1);
  });
});

describe("operations endpoints", () => {
  it("reports every adapter ready", async () => {
    const res = await app().inject({ method: "GET", url: "/health/ready" });
    expect(res.statusCode).toBe(200);
    const ready = readyResponseSchema.parse(res.json());
    expect(ready.components.map((c) => c.name).sort()).toEqual([
      "cache",
      "database",
      "embeddings",
      "events",
      "jobs",
      "objects",
    ]);
    expect(ready.failing).toEqual([]);
  });

  it("serves interactive docs", async () => {
    const res = await app().inject({ method: "GET", url: "/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });

  it("serves the web app's page at /", async () => {
    const res = await app().inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Tributary");
  });

  it("answers the web app's client-side routes with its page, and unknown API paths with the envelope", async () => {
    const page = await app().inject({
      method: "GET",
      url: "/s/space_1/knowledge?notebook=x",
      headers: { accept: "text/html,application/xhtml+xml" },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const api = await app().inject({
      method: "GET",
      url: "/api/v1/nothing-here",
      headers: { accept: "text/html" },
    });
    expect(api.statusCode).toBe(404);
    expect(errorEnvelopeSchema.parse(api.json()).error.code).toBe("ROUTE_NOT_FOUND");
    const script = await app().inject({ method: "GET", url: "/no-such-file.js" });
    expect(script.statusCode).toBe(404);
  });
});
