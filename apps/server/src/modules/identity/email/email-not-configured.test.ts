import { errorEnvelopeSchema } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";

// A separate file from the SMTP suite: one test instance at a time per process (PGlite has one session).
let withoutMail: TestInstance;

const appOf = (instance: TestInstance): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const post = (instance: TestInstance, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  appOf(instance).inject({ method: "POST", url, payload: payload as object, headers });

beforeAll(async () => {
  withoutMail = await startTestInstance();
});
afterAll(async () => {
  await withoutMail?.close();
});

describe("without SMTP", () => {
  it("activates and verifies accounts at once, and the email endpoints answer a clear 422", async () => {
    const tokens = await registerAccount(appOf(withoutMail));
    expect(tokens.user.email_verified).toBe(true);
    const calls = [
      post(withoutMail, "/api/v1/auth/verify-email", { token: "trv_0123456789abcdef0123" }),
      post(withoutMail, "/api/v1/auth/password-reset", { email: tokens.user.email }),
      post(withoutMail, "/api/v1/auth/password-reset/confirm", {
        token: "trp_0123456789abcdef0123",
        password: "An0therPassword",
      }),
      post(withoutMail, "/api/v1/auth/verify-email/resend", undefined, bearer(tokens.access_token)),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(422);
      expect(errorEnvelopeSchema.parse(res.json()).error.message).toMatch(/email is not configured/i);
    }
  });
});
