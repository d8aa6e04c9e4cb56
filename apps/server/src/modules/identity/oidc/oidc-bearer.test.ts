import { errorEnvelopeSchema, userSchema } from "@tributary/contracts";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer } from "../testing/identity-client.js";
import {
  apiAudience,
  countProvisionedRows,
  newSubject,
  type SsoTestBed,
  startSsoTestBed,
} from "./sso-test-bed.js";

let bed: SsoTestBed;

beforeAll(async () => {
  bed = await startSsoTestBed();
});
afterAll(async () => {
  await bed?.close();
});

const me = (token: string) =>
  bed.app.inject({ method: "GET", url: "/api/v1/users/me", headers: bearer(token) });

async function expectRefused(token: string) {
  const res = await me(token);
  expect(res.statusCode).toBe(401);
  expect(errorEnvelopeSchema.parse(res.json()).error.code).toBe("UNAUTHORIZED");
}

describe("provider access tokens as Bearer tokens", () => {
  it("provisions a new SSO user exactly once under 50 concurrent first requests", async () => {
    const { sub, email } = newSubject("burst");
    const token = await bed.idp.mintAccessToken({
      sub,
      audience: apiAudience,
      claims: { email, email_verified: true, given_name: "Burst", family_name: "User" },
    });
    const results = await Promise.all(Array.from({ length: 50 }, () => me(token)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const ids = [...new Set(results.map((r) => userSchema.parse(r.json()).id))];
    expect(ids).toHaveLength(1);
    expect(await countProvisionedRows(bed.instance, email)).toEqual({
      users: 1,
      identities: 1,
      tenants: 1,
      spaces: 1,
      members: 1,
      notebooks: 1,
    });
    const [registered] = await bed.instance.resources.sql.withSystem((tx) =>
      tx.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_events WHERE action = 'user.registered' AND target_id = $1",
        [ids[0]],
      ),
    );
    expect(registered?.count).toBe(1);
  }, 60_000);

  it("maps Keycloak-style realm roles to the platform role", async () => {
    const { sub, email } = newSubject("admin");
    const token = await bed.idp.mintAccessToken({
      sub,
      audience: [apiAudience, "account"],
      claims: { email, email_verified: true, realm_access: { roles: ["platform-admins"] } },
    });
    const res = await me(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(userSchema.parse(res.json())).toMatchObject({ email, platform_role: "admin" });
  });

  it("provisions an identity without an email under a placeholder address", async () => {
    const { sub } = newSubject("noemail");
    const res = await me(await bed.idp.mintAccessToken({ sub, audience: apiAudience }));
    expect(res.statusCode, res.body).toBe(200);
    expect(userSchema.parse(res.json()).email).toMatch(/@test-idp\.sso\.invalid$/);
  });

  it("refuses a token from an unknown issuer", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const foreign = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "foreign" })
      .setIssuer("https://unknown-idp.example.test")
      .setSubject(newSubject().sub)
      .setAudience(apiAudience)
      .setExpirationTime("5m")
      .sign(privateKey);
    await expectRefused(foreign);
  });

  it("refuses a wrong audience, an expired or not-yet-valid token and a bad signature", async () => {
    const { sub } = newSubject("refused");
    await expectRefused(await bed.idp.mintAccessToken({ sub, audience: "some-other-api" }));
    await expectRefused(
      await bed.idp.mintAccessToken({ sub, audience: apiAudience, expiresInSeconds: -300 }),
    );
    await expectRefused(await bed.idp.mintAccessToken({ sub, audience: apiAudience, notBeforeSeconds: 600 }));
    const valid = await bed.idp.mintAccessToken({ sub, audience: apiAudience });
    const [header, payload, signature = ""] = valid.split(".");
    const tampered = `${header}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    await expectRefused(tampered);
    // None of the refused tokens provisioned anyone.
    const [row] = await bed.instance.resources.sql.withSystem((tx) =>
      tx.query<{ count: number }>("SELECT count(*)::int AS count FROM user_identities WHERE subject = $1", [
        sub,
      ]),
    );
    expect(row?.count).toBe(0);
  });

  it("refuses a suspended user's provider token", async () => {
    const { sub, email } = newSubject("suspended");
    const token = await bed.idp.mintAccessToken({ sub, audience: apiAudience, claims: { email } });
    expect((await me(token)).statusCode).toBe(200);
    await bed.instance.resources.sql.withSystem((tx) =>
      tx.query("UPDATE users SET status = 'suspended' WHERE lower(email) = lower($1)", [email]),
    );
    // The user status cache holds an entry for at most a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expectRefused(token);
  });
});
