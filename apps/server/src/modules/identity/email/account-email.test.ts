import { errorEnvelopeSchema, userSchema } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, newAccount, registerAccount } from "../testing/identity-client.js";
import { startTestMailServer, tokenIn } from "./test-mail-server.js";

let mailServer: Awaited<ReturnType<typeof startTestMailServer>>;
let withMail: TestInstance;

const appOf = (instance: TestInstance): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const post = (instance: TestInstance, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  appOf(instance).inject({ method: "POST", url, payload: payload as object, headers });

beforeAll(async () => {
  mailServer = await startTestMailServer();
  withMail = await startTestInstance({
    env: { SMTP_URL: mailServer.url, SMTP_FROM: "noreply@example.test" },
  });
});
afterAll(async () => {
  await withMail?.close();
  await mailServer?.close();
});

async function auditActions(instance: TestInstance, userId: string): Promise<string[]> {
  const rows = await instance.resources.sql.withSystem((tx) =>
    tx.query<{ action: string }>("SELECT action FROM audit_events WHERE target_id = $1 ORDER BY created_at", [
      userId,
    ]),
  );
  return rows.map((row) => row.action);
}

describe("with SMTP", () => {
  it("starts accounts unverified and verifies them with a single-use link", async () => {
    const tokens = await registerAccount(appOf(withMail), "verify");
    expect(tokens.user.email_verified).toBe(false);
    const mail = await mailServer.waitFor(tokens.user.email);
    expect(mail.text).toContain("/verify-email?token=");
    const token = tokenIn(mail);

    expect((await post(withMail, "/api/v1/auth/verify-email", { token })).statusCode).toBe(204);
    const me = await appOf(withMail).inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
    });
    expect(userSchema.parse(me.json()).email_verified).toBe(true);

    const again = await post(withMail, "/api/v1/auth/verify-email", { token });
    expect(again.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(again.json()).error.details).toEqual({ field: "token" });
    expect(await auditActions(withMail, tokens.user.id)).toContain("user.email_verified");

    const resend = await post(
      withMail,
      "/api/v1/auth/verify-email/resend",
      undefined,
      bearer(tokens.access_token),
    );
    expect(resend.statusCode).toBe(409);
  });

  it("refuses an expired link", async () => {
    const tokens = await registerAccount(appOf(withMail), "expired");
    const token = tokenIn(await mailServer.waitFor(tokens.user.email));
    await withMail.resources.sql.withSystem((tx) =>
      tx.query("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
        tokens.user.id,
      ]),
    );
    expect((await post(withMail, "/api/v1/auth/verify-email", { token })).statusCode).toBe(400);
  });

  it("resends a verification link on request", async () => {
    const tokens = await registerAccount(appOf(withMail), "resend");
    await mailServer.waitFor(tokens.user.email);
    const resend = await post(
      withMail,
      "/api/v1/auth/verify-email/resend",
      undefined,
      bearer(tokens.access_token),
    );
    expect(resend.statusCode).toBe(202);
    const second = await mailServer.waitFor(tokens.user.email, 2);
    expect((await post(withMail, "/api/v1/auth/verify-email", { token: tokenIn(second) })).statusCode).toBe(
      204,
    );
  });

  it("answers 202 for an unknown address and sends nothing", async () => {
    const before = mailServer.mails.length;
    const res = await post(withMail, "/api/v1/auth/password-reset", { email: "nobody.here@example.test" });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: "accepted" });
    // The known-address case below proves mail goes out within this time when there is an account.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailServer.mails.slice(before).filter((m) => m.to.includes("nobody.here@example.test"))).toEqual(
      [],
    );
  });

  it("resets a password with a single-use link and signs out everywhere", async () => {
    const tokens = await registerAccount(appOf(withMail), "reset");
    await mailServer.waitFor(tokens.user.email);
    const res = await post(withMail, "/api/v1/auth/password-reset", {
      email: tokens.user.email.toUpperCase(),
    });
    expect(res.statusCode).toBe(202);
    const mail = await mailServer.waitFor(tokens.user.email, 2);
    expect(mail.text).toContain("/reset-password?token=");
    const token = tokenIn(mail);

    const weak = await post(withMail, "/api/v1/auth/password-reset/confirm", { token, password: "weakpass" });
    expect(weak.statusCode).toBe(400);
    const confirm = await post(withMail, "/api/v1/auth/password-reset/confirm", {
      token,
      password: "N3wPassword!",
    });
    expect(confirm.statusCode).toBe(204);

    const refresh = await post(withMail, "/api/v1/auth/refresh", { refresh_token: tokens.refresh_token });
    expect(refresh.statusCode).toBe(401);
    const oldLogin = await post(withMail, "/api/v1/auth/login", {
      email: tokens.user.email,
      password: tokens.password,
    });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await post(withMail, "/api/v1/auth/login", {
      email: tokens.user.email,
      password: "N3wPassword!",
    });
    expect(newLogin.statusCode).toBe(200);
    expect(userSchema.parse(newLogin.json().user).email_verified).toBe(true);

    const reuse = await post(withMail, "/api/v1/auth/password-reset/confirm", {
      token,
      password: "Th1rdPassword",
    });
    expect(reuse.statusCode).toBe(400);
    expect(await auditActions(withMail, tokens.user.id)).toEqual(
      expect.arrayContaining(["user.password_reset_requested", "user.password_reset"]),
    );
  });

  it("refuses bad input on every email endpoint with the 4xx envelope", async () => {
    const account = newAccount();
    const cases: Array<[string, unknown]> = [
      ["/api/v1/auth/verify-email", {}],
      ["/api/v1/auth/verify-email", { token: 42 }],
      ["/api/v1/auth/verify-email", { token: "short" }],
      ["/api/v1/auth/verify-email", { token: "x".repeat(300) }],
      ["/api/v1/auth/verify-email", { token: "trv_0123456789abcdef0123", extra: 1 }],
      ["/api/v1/auth/verify-email", { token: "trv_0123456789abcdef0123" }],
      ["/api/v1/auth/password-reset", {}],
      ["/api/v1/auth/password-reset", { email: ["a@b.c"] }],
      ["/api/v1/auth/password-reset", { email: `${"x".repeat(260)}@example.test` }],
      ["/api/v1/auth/password-reset", { email: account.email, extra: true }],
      ["/api/v1/auth/password-reset/confirm", { token: "trp_0123456789abcdef0123" }],
      [
        "/api/v1/auth/password-reset/confirm",
        { token: "trp_0123456789abcdef0123", password: "N3wPassword!" },
      ],
      [
        "/api/v1/auth/password-reset/confirm",
        { token: "trp_0123456789abcdef0123", password: "N3wPassword!", x: 1 },
      ],
    ];
    for (const [url, payload] of cases) {
      const res = await post(withMail, url, payload);
      expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      errorEnvelopeSchema.parse(res.json());
    }
    const anonymous = await post(withMail, "/api/v1/auth/verify-email/resend", undefined);
    expect(anonymous.statusCode).toBe(401);
  });
});
