import { errorEnvelopeSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { bearer, registerAccount } from "./testing/identity-client.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

// JWT times are whole seconds (the expiry is the issue second plus the TTL), so a token with a TTL of
// n seconds lives between n − 1 and n: 3 leaves the first request 2 s even on a loaded machine.
beforeAll(async () => {
  instance = await startTestInstance({ env: { ACCESS_TOKEN_TTL_SECONDS: "3" } });
});
afterAll(async () => {
  await instance?.close();
});

describe("access token lifetime", () => {
  it("refuses an expired access token, and the refresh token gets a new one", async () => {
    const tokens = await registerAccount(app());
    expect(tokens.expires_in).toBe(3);
    const fresh = await app().inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
    });
    expect(fresh.statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const expired = await app().inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
    });
    expect(expired.statusCode).toBe(401);
    expect(errorEnvelopeSchema.parse(expired.json()).error.code).toBe("UNAUTHORIZED");
    const refreshed = await app().inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: tokens.refresh_token },
    });
    expect(refreshed.statusCode).toBe(200);
  });
});

describe("bad input on the session endpoints", () => {
  it("answers every malformed request with the 4xx envelope", async () => {
    const tokens = await registerAccount(app());
    const cases: Array<{
      method: "POST" | "PATCH";
      url: string;
      payload: unknown;
      headers?: Record<string, string>;
    }> = [
      { method: "POST", url: "/api/v1/auth/login", payload: {} },
      { method: "POST", url: "/api/v1/auth/login", payload: { email: 5, password: "x" } },
      { method: "POST", url: "/api/v1/auth/login", payload: { email: "a@b.c", password: "x", extra: 1 } },
      { method: "POST", url: "/api/v1/auth/login", payload: { email: "a".repeat(300), password: "x" } },
      { method: "POST", url: "/api/v1/auth/refresh", payload: {} },
      { method: "POST", url: "/api/v1/auth/refresh", payload: { refresh_token: "short" } },
      { method: "POST", url: "/api/v1/auth/refresh", payload: { refresh_token: "x".repeat(2000) } },
      { method: "POST", url: "/api/v1/auth/logout", payload: { refresh_token: 42 } },
      {
        method: "PATCH",
        url: "/api/v1/users/me",
        payload: { first_name: "" },
        headers: bearer(tokens.access_token),
      },
      {
        method: "PATCH",
        url: "/api/v1/users/me",
        payload: { email: "new@example.test" },
        headers: bearer(tokens.access_token),
      },
      {
        method: "PATCH",
        url: "/api/v1/users/me",
        payload: { last_name: "x".repeat(101) },
        headers: bearer(tokens.access_token),
      },
    ];
    for (const { method, url, payload, headers } of cases) {
      const res = await app().inject({
        method,
        url,
        payload: payload as Record<string, unknown>,
        headers: headers ?? {},
      });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(400);
      expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe("VALIDATION_ERROR");
    }
  });
});
