import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../testing/test-instance.js";

let instance: TestInstance;

beforeAll(async () => {
  instance = await startTestInstance({ env: { CORS_ORIGINS: "https://app.example.com" } });
});
afterAll(async () => {
  await instance?.close();
});

it("answers preflight for configured origins only, and exposes the request id", async () => {
  const preflight = (origin: string) =>
    instance.app?.inject({
      method: "OPTIONS",
      url: "/health/live",
      headers: { origin, "access-control-request-method": "GET" },
    });
  const allowed = await preflight("https://app.example.com");
  expect(allowed?.headers["access-control-allow-origin"]).toBe("https://app.example.com");
  const other = await preflight("https://evil.example.com");
  expect(other?.headers["access-control-allow-origin"]).toBeUndefined();
  const simple = await instance.app?.inject({
    method: "GET",
    url: "/health/live",
    headers: { origin: "https://app.example.com" },
  });
  expect(simple?.headers["access-control-expose-headers"]).toContain("x-request-id");
});
