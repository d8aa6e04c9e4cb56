import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../testing/test-instance.js";

let instance: TestInstance;
const received: string[] = [];
const collector = createServer(async (request: IncomingMessage, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  if (request.url === "/v1/traces") received.push(body);
  response.writeHead(200, { "content-type": "application/json" }).end("{}");
});

beforeAll(async () => {
  collector.listen(0, "127.0.0.1");
  await once(collector, "listening");
  const { port } = collector.address() as AddressInfo;
  instance = await startTestInstance({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await instance?.close();
  collector.close();
});

it("exports a server span per request over OTLP/HTTP, joined to the caller's trace", async () => {
  const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
  const res = await instance.app?.inject({
    method: "GET",
    url: "/health/live",
    headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
  });
  expect(res?.statusCode).toBe(200);
  const deadline = Date.now() + 10_000;
  while (!received.some((body) => body.includes("GET /health/live")) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const exported = received.find((body) => body.includes("GET /health/live"));
  expect(exported).toBeDefined();
  const payload = JSON.parse(exported ?? "{}");
  const spans = payload.resourceSpans.flatMap((rs: { scopeSpans: Array<{ spans: unknown[] }> }) =>
    rs.scopeSpans.flatMap((ss) => ss.spans),
  ) as Array<{ name: string; traceId: string; attributes: Array<{ key: string }> }>;
  const span = spans.find((s) => s.name === "GET /health/live");
  expect(span?.traceId).toBe(traceId);
  expect(span?.attributes.map((a) => a.key)).toContain("http.response.status_code");
});
