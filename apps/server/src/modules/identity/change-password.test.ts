import { errorEnvelopeSchema, tokenResponseSchema } from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { bearer, registerAccount } from "./testing/identity-client.js";

let instance: TestInstance;
const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};

beforeAll(async () => {
  instance = await startTestInstance();
});
afterAll(async () => {
  await instance?.close();
});

const changePassword = (accessToken: string, payload: Record<string, unknown>) =>
  app().inject({ method: "POST", url: "/api/v1/users/me/password", headers: bearer(accessToken), payload });
const refresh = (token: string) =>
  app().inject({ method: "POST", url: "/api/v1/auth/refresh", payload: { refresh_token: token } });
const login = (email: string, password: string) =>
  app().inject({ method: "POST", url: "/api/v1/auth/login", payload: { email, password } });

describe("changing the password", () => {
  it("checks the current password, signs out other logins and keeps the caller signed in", async () => {
    const account = await registerAccount(app(), "changer");
    const other = tokenResponseSchema.parse((await login(account.user.email, account.password)).json());

    const wrong = await changePassword(account.access_token, {
      current_password: "Not-the-Passw0rd",
      new_password: "N3wPassword!",
    });
    expect(wrong.statusCode).toBe(400);
    const wrongError = errorEnvelopeSchema.parse(wrong.json()).error;
    expect(wrongError).toMatchObject({
      code: "VALIDATION_ERROR",
      message: "The current password is incorrect",
    });
    expect(wrongError.details?.reason).toBe("wrong_password");

    const weak = await changePassword(account.access_token, {
      current_password: account.password,
      new_password: "short",
    });
    expect(weak.statusCode).toBe(400);

    const changed = await changePassword(account.access_token, {
      current_password: account.password,
      new_password: "N3wPassword!",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const fresh = tokenResponseSchema.parse(changed.json());
    expect(fresh.user.id).toBe(account.user.id);

    expect((await refresh(account.refresh_token)).statusCode).toBe(401);
    expect((await refresh(other.refresh_token)).statusCode).toBe(401);
    expect((await refresh(fresh.refresh_token)).statusCode).toBe(200);
    expect((await login(account.user.email, account.password)).statusCode).toBe(401);
    expect((await login(account.user.email, "N3wPassword!")).statusCode).toBe(200);

    const audit = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ action: string }>("SELECT action FROM audit_events WHERE actor_user_id = $1", [
        account.user.id,
      ]),
    );
    expect(audit.map((row) => row.action)).toContain("user.password_changed");
  });

  it("tells accounts without a password (single sign-on) to use their identity provider", async () => {
    const account = await registerAccount(app(), "sso");
    await instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE users SET password_hash = NULL WHERE id = $1", [account.user.id]),
    );
    const reply = await changePassword(account.access_token, {
      current_password: account.password,
      new_password: "N3wPassword!",
    });
    expect(reply.statusCode).toBe(422);
    const error = errorEnvelopeSchema.parse(reply.json()).error;
    expect(error.details?.reason).toBe("no_password");
    expect(error.message).toMatch(/single sign-on/);
  });
});
