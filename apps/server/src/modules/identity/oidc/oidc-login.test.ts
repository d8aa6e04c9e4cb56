import {
  errorEnvelopeSchema,
  oidcProvidersResponseSchema,
  tokenResponseSchema,
  userSchema,
} from "@tributary/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, registerAccount } from "../testing/identity-client.js";
import {
  countProvisionedRows,
  newSubject,
  providerName,
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

/** /start → the provider (signed in as `sub`) → the URL the provider sends the browser back to. */
async function signInAtProvider(sub: string, redirectTo?: string) {
  const query = redirectTo ? `?redirect_to=${encodeURIComponent(redirectTo)}` : "";
  const start = await bed.app.inject({
    method: "GET",
    url: `/api/v1/auth/oidc/${providerName}/start${query}`,
  });
  expect(start.statusCode, start.body).toBe(302);
  const location = new URL(String(start.headers.location));
  const callback = await bed.idp.authorize(location, sub);
  return { authorization: location, callback: `${callback.pathname}${callback.search}` };
}

describe("OIDC sign-in (Authorization Code + PKCE)", () => {
  it("lists the configured providers without secrets", async () => {
    const res = await bed.app.inject({ method: "GET", url: "/api/v1/auth/oidc/providers" });
    expect(res.statusCode).toBe(200);
    expect(oidcProvidersResponseSchema.parse(res.json()).providers).toEqual([
      { name: providerName, display_name: "Test IdP", start_url: `/api/v1/auth/oidc/${providerName}/start` },
    ]);
    expect(res.body).not.toContain(bed.idp.clientSecret);
  });

  it("completes the code + PKCE flow, provisions the user once and signs in again", async () => {
    const { sub, email } = newSubject();
    bed.idp.addAccount({
      sub,
      email,
      email_verified: true,
      given_name: "Ada",
      family_name: "Lovelace",
      realm_access: { roles: ["developers", "offline_access"] },
    });
    const { authorization, callback } = await signInAtProvider(sub);
    expect(authorization.origin).toBe(bed.idp.issuer);
    expect(authorization.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorization.searchParams.get("code_challenge")).toBeTruthy();
    expect(authorization.searchParams.get("nonce")).toBeTruthy();
    expect(authorization.searchParams.get("state")).toBeTruthy();
    expect(authorization.searchParams.get("redirect_uri")).toBe(
      `http://tributary.test/api/v1/auth/oidc/${providerName}/callback`,
    );

    const res = await bed.app.inject({ method: "GET", url: callback });
    expect(res.statusCode, res.body).toBe(200);
    const tokens = tokenResponseSchema.parse(res.json());
    expect(tokens.user).toMatchObject({
      email,
      first_name: "Ada",
      last_name: "Lovelace",
      email_verified: true,
      platform_role: "developer",
      onboarding_status: "completed",
    });
    expect(await countProvisionedRows(bed.instance, email)).toEqual({
      users: 1,
      identities: 1,
      tenants: 1,
      spaces: 1,
      members: 1,
      notebooks: 1,
    });
    const me = await bed.app.inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(tokens.access_token),
    });
    expect(userSchema.parse(me.json()).id).toBe(tokens.user.id);

    const again = await bed.app.inject({ method: "GET", url: (await signInAtProvider(sub)).callback });
    expect(tokenResponseSchema.parse(again.json()).user.id).toBe(tokens.user.id);
    expect((await countProvisionedRows(bed.instance, email)).users).toBe(1);
  });

  it("refuses a replayed or unknown state with 400", async () => {
    const { sub, email } = newSubject();
    bed.idp.addAccount({ sub, email, email_verified: true });
    const { callback } = await signInAtProvider(sub);
    expect((await bed.app.inject({ method: "GET", url: callback })).statusCode).toBe(200);
    const replay = await bed.app.inject({ method: "GET", url: callback });
    expect(replay.statusCode).toBe(400);
    expect(errorEnvelopeSchema.parse(replay.json()).error.code).toBe("VALIDATION_ERROR");
    const unknown = await bed.app.inject({
      method: "GET",
      url: `/api/v1/auth/oidc/${providerName}/callback?code=abc&state=never-issued`,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("answers 401 when the provider reports an error, and the state is spent", async () => {
    const start = await bed.app.inject({ method: "GET", url: `/api/v1/auth/oidc/${providerName}/start` });
    const state = new URL(String(start.headers.location)).searchParams.get("state") ?? "";
    const url = `/api/v1/auth/oidc/${providerName}/callback?error=access_denied&state=${state}`;
    const denied = await bed.app.inject({ method: "GET", url });
    expect(denied.statusCode).toBe(401);
    expect(errorEnvelopeSchema.parse(denied.json()).error.code).toBe("UNAUTHORIZED");
    expect((await bed.app.inject({ method: "GET", url })).statusCode).toBe(400);
  });

  it("redirects to a same-origin redirect_to with the tokens in the fragment", async () => {
    const { sub, email } = newSubject();
    bed.idp.addAccount({ sub, email, email_verified: true });
    const { callback } = await signInAtProvider(sub, "/app/notebooks?tab=recent");
    const res = await bed.app.inject({ method: "GET", url: callback });
    expect(res.statusCode, res.body).toBe(302);
    const location = String(res.headers.location);
    expect(location.startsWith("/app/notebooks?tab=recent#")).toBe(true);
    const fragment = new URLSearchParams(location.slice(location.indexOf("#") + 1));
    expect(fragment.get("token_type")).toBe("Bearer");
    const me = await bed.app.inject({
      method: "GET",
      url: "/api/v1/users/me",
      headers: bearer(fragment.get("access_token") ?? ""),
    });
    expect(userSchema.parse(me.json()).email).toBe(email);
    expect(fragment.get("refresh_token")).toBeTruthy();
  });

  it("links a verified email to the existing account, and refuses to link an unverified one", async () => {
    const registered = await registerAccount(bed.app, "linked");
    const verified = newSubject("verified");
    bed.idp.addAccount({
      sub: verified.sub,
      email: registered.user.email.toUpperCase(),
      email_verified: true,
    });
    const linked = await bed.app.inject({
      method: "GET",
      url: (await signInAtProvider(verified.sub)).callback,
    });
    expect(tokenResponseSchema.parse(linked.json()).user.id).toBe(registered.user.id);

    const unverified = newSubject("unverified");
    bed.idp.addAccount({ sub: unverified.sub, email: registered.user.email, email_verified: false });
    const refused = await bed.app.inject({
      method: "GET",
      url: (await signInAtProvider(unverified.sub)).callback,
    });
    expect(refused.statusCode).toBe(409);
    expect(errorEnvelopeSchema.parse(refused.json()).error.code).toBe("CONFLICT");
  });

  it("answers bad input with the 4xx envelope", async () => {
    const base = "/api/v1/auth/oidc";
    const cases: Array<[string, number]> = [
      [`${base}/nobody/start`, 404],
      [`${base}/Not_A_Name/start`, 400],
      [`${base}/${providerName}/start?redirect_to=${encodeURIComponent("//evil.example/x")}`, 400],
      [`${base}/${providerName}/start?redirect_to=${encodeURIComponent("https://evil.example/")}`, 400],
      [`${base}/${providerName}/start?redirect_to=${encodeURIComponent("/\\evil.example")}`, 400],
      [`${base}/${providerName}/start?redirect_to=${"a".repeat(3000)}`, 400],
      [`${base}/${providerName}/start?unknown=1`, 400],
      [`${base}/${providerName}/callback?code=abc`, 400],
      [`${base}/${providerName}/callback?code=abc&state=${"s".repeat(5000)}`, 400],
      [`${base}/nobody/callback?code=abc&state=xyz`, 404],
    ];
    for (const [url, status] of cases) {
      const res = await bed.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(status);
      errorEnvelopeSchema.parse(res.json());
    }
  });
});
