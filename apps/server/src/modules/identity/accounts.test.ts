import { errorEnvelopeSchema, tokenResponseSchema, userSchema } from "@tributary/contracts";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { bearer, newAccount, registerAccount } from "./testing/identity-client.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance({
    env: { LOGIN_FAILURE_DELAY_MS: "1", LOGIN_ATTEMPTS_PER_ACCOUNT: "3" },
  });
});
afterAll(async () => {
  await instance?.close();
});

describe("registration", () => {
  it("creates the account, its personal tenant and space, and signs in", async () => {
    const tokens = await registerAccount(app());
    expect(tokens.token_type).toBe("Bearer");
    expect(tokens.expires_in).toBe(300);
    expect(tokens.user.personal_tenant_id).toMatch(/^tenant_\d+$/);
    expect(tokens.user.personal_space_id).toBe(tokens.user.personal_tenant_id?.replace("tenant_", "space_"));
    expect(tokens.user.onboarding_status).toBe("completed");
    const header = decodeProtectedHeader(tokens.access_token);
    expect(header.alg).toBe("ES256");
    const jwks = await app().inject({ method: "GET", url: "/.well-known/jwks.json" });
    expect(jwks.json().keys.map((k: { kid: string }) => k.kid)).toContain(header.kid);
    expect(decodeJwt(tokens.access_token).sub).toBe(tokens.user.id);
  });

  it("refuses a duplicate email (any case) with 409", async () => {
    const account = newAccount();
    await app().inject({ method: "POST", url: "/api/v1/auth/register", payload: account });
    const again = await app().inject({
      method: "POST",
      url: "/api/v1/auth/register",
      payload: { ...account, email: account.email.toUpperCase() },
    });
    expect(again.statusCode).toBe(409);
    expect(errorEnvelopeSchema.parse(again.json()).error.code).toBe("CONFLICT");
  });

  it("refuses weak passwords and bad fields with 400", async () => {
    for (const payload of [
      { ...newAccount(), password: "short1A" },
      { ...newAccount(), password: "alllowercase1" },
      { ...newAccount(), password: "NoDigitsHere" },
      { ...newAccount(), email: "not-an-email" },
      { ...newAccount(), first_name: "" },
      { ...newAccount(), extra: true },
      { ...newAccount(), first_name: "x".repeat(500) },
    ]) {
      const res = await app().inject({ method: "POST", url: "/api/v1/auth/register", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it("gives 100 concurrent registrations 100 distinct tenants", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        app().inject({ method: "POST", url: "/api/v1/auth/register", payload: newAccount("bulk") }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
    const tenants = new Set(results.map((r) => tokenResponseSchema.parse(r.json()).user.personal_tenant_id));
    expect(tenants.size).toBe(100);
  }, 120_000);
});

describe("sessions", () => {
  it("signs in, reads and updates the profile", async () => {
    const registered = await registerAccount(app());
    const login = await app().inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: registered.user.email.toUpperCase(), password: registered.password },
    });
    expect(login.statusCode).toBe(200);
    const tokens = tokenResponseSchema.parse(login.json());
    const me = await app().inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
    });
    expect(userSchema.parse(me.json()).email).toBe(registered.user.email);
    const patched = await app().inject({
      method: "PATCH",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
      payload: { first_name: "Ada" },
    });
    expect(userSchema.parse(patched.json()).first_name).toBe("Ada");
  });

  it("says only 'invalid email or password' and limits failures per account", async () => {
    const registered = await registerAccount(app());
    const attempt = (password: string) =>
      app().inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: registered.user.email, password },
      });
    const unknown = await app().inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: "nobody@example.test", password: "x" },
    });
    expect(unknown.statusCode).toBe(401);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt("Wrong1234")).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await attempt(registered.password)).statusCode).toBe(429);
  });

  const refresh = (token: string) =>
    app().inject({ method: "POST", url: "/api/v1/auth/refresh", payload: { refresh_token: token } });

  it("rotates refresh tokens, and a reused one revokes the whole family", async () => {
    const registered = await registerAccount(app());
    const second = await refresh(registered.refresh_token);
    expect(second.statusCode).toBe(200);
    const secondTokens = tokenResponseSchema.parse(second.json());
    expect(secondTokens.refresh_token).not.toBe(registered.refresh_token);
    // Its successor is used, so the first token is no retry of a lost answer: it leaked.
    const third = await refresh(secondTokens.refresh_token);
    expect(third.statusCode).toBe(200);
    const reuse = await refresh(registered.refresh_token);
    expect(reuse.statusCode).toBe(401);
    const afterRevocation = await refresh(tokenResponseSchema.parse(third.json()).refresh_token);
    expect(afterRevocation.statusCode).toBe(401);
  });

  it("answers a retried rotation whose answer was lost with the same successor, while it is unused", async () => {
    const registered = await registerAccount(app());
    const first = tokenResponseSchema.parse((await refresh(registered.refresh_token)).json());
    // The page navigated away before it stored `first`: it presents the old token again.
    const retried = await refresh(registered.refresh_token);
    expect(retried.statusCode).toBe(200);
    expect(tokenResponseSchema.parse(retried.json()).refresh_token).toBe(first.refresh_token);
    expect((await refresh(first.refresh_token)).statusCode).toBe(200);
  });

  it("treats a retry after the grace (30 s by default) as reuse", async () => {
    const registered = await registerAccount(app());
    const first = tokenResponseSchema.parse((await refresh(registered.refresh_token)).json());
    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE refresh_tokens SET rotated_at = now() - interval '31 seconds' WHERE user_id = $1", [
        registered.user.id,
      ]),
    );
    expect((await refresh(registered.refresh_token)).statusCode).toBe(401);
    expect((await refresh(first.refresh_token)).statusCode).toBe(401);
  });

  it("logs out, after which the refresh token no longer works", async () => {
    const registered = await registerAccount(app());
    const out = await app().inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      payload: { refresh_token: registered.refresh_token },
    });
    expect(out.statusCode).toBe(204);
    const refresh = await app().inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: registered.refresh_token },
    });
    expect(refresh.statusCode).toBe(401);
  });

  it("refuses tampered, foreign and missing tokens", async () => {
    const registered = await registerAccount(app());
    const [head, body] = registered.access_token.split(".");
    for (const token of [`${head}.${body}.AAAA`, "garbage", `${registered.access_token}x`]) {
      const res = await app().inject({ method: "GET", url: "/api/v1/users/me", headers: bearer(token) });
      expect(res.statusCode).toBe(401);
    }
  });
});
