import type { FastifyInstance } from "fastify";
import { startTestIdp, type TestIdp } from "../../../testing/oidc-idp.js";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";

export const providerName = "test-idp";
export const apiAudience = "tributary-api";
const publicUrl = "http://tributary.test";

export interface SsoTestBed {
  readonly idp: TestIdp;
  readonly instance: TestInstance;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * An in-process identity provider plus a Tributary instance configured to trust it. The instance
 * has a public URL, so the callback URL registered at the provider is stable.
 */
export async function startSsoTestBed(): Promise<SsoTestBed> {
  const idp = await startTestIdp({
    redirectUris: [`${publicUrl}/api/v1/auth/oidc/${providerName}/callback`],
  });
  const provider = {
    name: providerName,
    display_name: "Test IdP",
    issuer: idp.issuer,
    client_id: idp.clientId,
    client_secret: idp.clientSecret,
    scopes: ["openid", "email", "profile", "roles"],
    audiences: [apiAudience],
    role_map: { "platform-admins": "admin", developers: "developer" },
  };
  const instance = await startTestInstance({
    env: { TRIBUTARY_PUBLIC_URL: publicUrl, OIDC_PROVIDERS: JSON.stringify([provider]) },
  });
  const app = instance.app;
  if (!app) throw new Error("the test instance serves no API");
  return {
    idp,
    instance,
    app,
    async close() {
      await instance.close();
      await idp.close();
    },
  };
}

let counter = 0;

/** A fresh subject with a unique, verified email (each test brings its own people). */
export function newSubject(label = "sso") {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  return { sub: `${label}-${unique}`, email: `${label}.${unique}@idp.example.test` };
}

/**
 * Rows a user's onboarding made, counted in system mode (RLS would hide other tenants' rows);
 * notebooks have no system bypass, so they are counted as each of the user's tenants.
 */
export async function countProvisionedRows(instance: TestInstance, email: string) {
  const { sql } = instance.resources;
  const [counts] = await sql.withSystem((tx) =>
    tx.query<Record<"users" | "identities" | "tenants" | "spaces" | "members", number>>(
      `WITH u AS (SELECT id FROM users WHERE lower(email) = lower($1))
       SELECT (SELECT count(*)::int FROM u) AS users,
              (SELECT count(*)::int FROM user_identities WHERE user_id IN (SELECT id FROM u)) AS identities,
              (SELECT count(*)::int FROM tenants WHERE owner_user_id IN (SELECT id FROM u)) AS tenants,
              (SELECT count(*)::int FROM spaces WHERE owner_user_id IN (SELECT id FROM u)) AS spaces,
              (SELECT count(*)::int FROM space_members WHERE user_id IN (SELECT id FROM u)) AS members`,
      [email],
    ),
  );
  const tenantIds = await sql.withSystem((tx) =>
    tx.query<{ id: string }>(
      "SELECT t.id FROM tenants t JOIN users u ON u.id = t.owner_user_id WHERE lower(u.email) = lower($1)",
      [email],
    ),
  );
  let notebooks = 0;
  for (const { id } of tenantIds) {
    const [row] = await sql.withTenant(id, (tx) =>
      tx.query<{ count: number }>("SELECT count(*)::int AS count FROM notebooks"),
    );
    notebooks += row?.count ?? 0;
  }
  return { ...counts, notebooks };
}
