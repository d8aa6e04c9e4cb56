import {
  adminTenantSchema,
  createdApiKeySchema,
  errorEnvelopeSchema,
  pageSchema,
  type TokenResponse,
  userSchema,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../../testing/test-instance.js";
import { bearer, registerAccount } from "../testing/identity-client.js";
import { planQuotas } from "./plan-quotas.js";

let instance: TestInstance;
let admin: TokenResponse;
let user: TokenResponse;

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
type Method = "GET" | "POST" | "PATCH";
const call = (method: Method, url: string, token: string, payload?: unknown) =>
  app().inject({
    method,
    url,
    headers: bearer(token),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

beforeAll(async () => {
  instance = await startTestInstance();
  admin = await registerAccount(app(), "admin");
  user = await registerAccount(app(), "member");
});
afterAll(async () => {
  await instance?.close();
});

const statusOfMe = async (headers: Record<string, string>) =>
  (await app().inject({ method: "GET", url: "/api/v1/users/me", headers })).statusCode;

describe("access", () => {
  it("is for platform admins only", async () => {
    expect(admin.user.platform_role).toBe("admin");
    const tenant = user.user.personal_tenant_id ?? "";
    const calls: Array<[Method, string, unknown?]> = [
      ["GET", "/api/v1/admin/users"],
      ["POST", `/api/v1/admin/users/${admin.user.id}/suspend`],
      ["POST", `/api/v1/admin/users/${admin.user.id}/reactivate`],
      ["GET", "/api/v1/admin/tenants"],
      ["PATCH", `/api/v1/admin/tenants/${tenant}`, { plan: "enterprise" }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await call(method, url, user.access_token, payload);
      expect(res.statusCode, url).toBe(403);
      errorEnvelopeSchema.parse(res.json());
      const anonymous = await app().inject({
        method,
        url,
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      expect(anonymous.statusCode, url).toBe(401);
    }
  });

  it("accepts an admin's key only with the admin scope", async () => {
    const keyWith = async (scopes: string[]) => {
      const res = await call("POST", "/api/v1/api-keys", admin.access_token, { name: "ops", scopes });
      return createdApiKeySchema.parse(res.json()).secret;
    };
    expect((await call("GET", "/api/v1/admin/users", await keyWith(["admin"]))).statusCode).toBe(200);
    expect((await call("GET", "/api/v1/admin/users", await keyWith(["spaces:read"]))).statusCode).toBe(403);
  });
});

describe("users", () => {
  it("pages through users and filters by email and status", async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/admin/users?limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page = pageSchema(userSchema).parse((await call("GET", url, admin.access_token)).json());
      all.push(...page.data.map((u) => u.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(all).toEqual(expect.arrayContaining([admin.user.id, user.user.id]));
    expect(new Set(all).size).toBe(all.length);

    const byEmail = await call(
      "GET",
      `/api/v1/admin/users?email=${encodeURIComponent(user.user.email.toUpperCase())}`,
      admin.access_token,
    );
    expect(
      pageSchema(userSchema)
        .parse(byEmail.json())
        .data.map((u) => u.id),
    ).toEqual([user.user.id]);
    const wildcard = await call("GET", "/api/v1/admin/users?email=%25", admin.access_token);
    expect(pageSchema(userSchema).parse(wildcard.json()).data).toEqual([]);
    const suspended = await call("GET", "/api/v1/admin/users?status=suspended", admin.access_token);
    expect(
      pageSchema(userSchema)
        .parse(suspended.json())
        .data.every((u) => u.status === "suspended"),
    ).toBe(true);
  });

  it("suspends an account: logins end, tokens and keys stop at once; reactivation restores them at once", async () => {
    const victim = await registerAccount(app(), "victim");
    const keyRes = await call("POST", "/api/v1/api-keys", victim.access_token, {
      name: "k",
      scopes: ["documents:read"],
    });
    const key = createdApiKeySchema.parse(keyRes.json()).secret;
    expect(
      (await app().inject({ method: "GET", url: "/api/v1/users/me", headers: bearer(key) })).statusCode,
    ).toBe(200);

    const res = await call("POST", `/api/v1/admin/users/${victim.user.id}/suspend`, admin.access_token);
    expect(res.statusCode).toBe(200);
    expect(userSchema.parse(res.json()).status).toBe("suspended");
    const again = await call("POST", `/api/v1/admin/users/${victim.user.id}/suspend`, admin.access_token);
    expect(again.statusCode).toBe(200);

    const refresh = await app().inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refresh_token: victim.refresh_token },
    });
    expect(refresh.statusCode).toBe(401);
    // Both were just verified, so their owner's status is cached: the suspension must replace it.
    expect(await statusOfMe(bearer(victim.access_token))).toBe(401);
    expect(await statusOfMe(bearer(key))).toBe(401);
    const login = await app().inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: victim.user.email, password: victim.password },
    });
    expect(login.statusCode).toBe(403);

    const back = await call("POST", `/api/v1/admin/users/${victim.user.id}/reactivate`, admin.access_token);
    expect(userSchema.parse(back.json()).status).toBe("active");
    expect(await statusOfMe(bearer(key))).toBe(200);
    const relogin = await app().inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: victim.user.email, password: victim.password },
    });
    expect(relogin.statusCode).toBe(200);

    const audit = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ action: string; actor_user_id: string }>(
        `SELECT action, actor_user_id FROM audit_events
         WHERE target_id = $1 AND action IN ('user.suspended', 'user.reactivated') ORDER BY created_at`,
        [victim.user.id],
      ),
    );
    expect(audit).toEqual([
      { action: "user.suspended", actor_user_id: admin.user.id },
      { action: "user.reactivated", actor_user_id: admin.user.id },
    ]);
  });

  it("refuses self-suspension, unknown users and bad input", async () => {
    expect(
      (await call("POST", `/api/v1/admin/users/${admin.user.id}/suspend`, admin.access_token)).statusCode,
    ).toBe(422);
    const unknown = "01234567-89ab-7def-8123-456789abcdef";
    expect(
      (await call("POST", `/api/v1/admin/users/${unknown}/suspend`, admin.access_token)).statusCode,
    ).toBe(404);
    for (const url of [
      "/api/v1/admin/users?status=gone",
      "/api/v1/admin/users?limit=1000",
      `/api/v1/admin/users?email=${"x".repeat(300)}`,
      "/api/v1/admin/users?role=admin",
      "/api/v1/admin/users?cursor=bm90LWEtdXVpZA",
    ]) {
      const res = await call("GET", url, admin.access_token);
      expect(res.statusCode, url).toBe(400);
      errorEnvelopeSchema.parse(res.json());
    }
    const badId = await call("POST", "/api/v1/admin/users/not-a-uuid/suspend", admin.access_token);
    expect(badId.statusCode).toBe(400);
  });
});

describe("tenants", () => {
  const tenantOf = () => user.user.personal_tenant_id ?? "";

  it("lists tenants with their plan's quotas", async () => {
    const res = await call("GET", "/api/v1/admin/tenants?limit=100&kind=personal", admin.access_token);
    const page = pageSchema(adminTenantSchema).parse(res.json());
    const tenant = page.data.find((t) => t.id === tenantOf());
    expect(tenant).toMatchObject({ plan: "free", kind: "personal", owner_user_id: user.user.id });
    expect(tenant?.quotas).toEqual(planQuotas("free"));
    expect(tenant?.quotas.storage_gb).toBe(1);
    expect(tenant?.quotas.document_quota).toBe(100);
  });

  it("changes plans and quotas, audited with old and new values", async () => {
    const patch = (body: unknown) =>
      call("PATCH", `/api/v1/admin/tenants/${tenantOf()}`, admin.access_token, body);
    const pro = adminTenantSchema.parse((await patch({ plan: "pro" })).json());
    expect(pro.plan).toBe("pro");
    expect(pro.quotas).toEqual(planQuotas("pro"));

    const tuned = adminTenantSchema.parse(
      (await patch({ quotas: { max_file_size: 5_000, max_concurrent_jobs: 3 } })).json(),
    );
    expect(tuned.quotas).toEqual({ ...planQuotas("pro"), max_file_size: 5_000, max_concurrent_jobs: 3 });

    const enterprise = adminTenantSchema.parse(
      (await patch({ plan: "enterprise", quotas: { api_requests_per_minute: 5_000 } })).json(),
    );
    expect(enterprise.quotas).toEqual({ ...planQuotas("enterprise"), api_requests_per_minute: 5_000 });
    expect(Object.values(planQuotas("enterprise")).every((value) => value === 0)).toBe(true);

    const listed = pageSchema(adminTenantSchema).parse(
      (await call("GET", "/api/v1/admin/tenants?plan=enterprise&limit=100", admin.access_token)).json(),
    );
    expect(listed.data.find((t) => t.id === tenantOf())?.quotas.api_requests_per_minute).toBe(5_000);

    const audit = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ details: { plan: { from: string; to: string } } }>(
        "SELECT details FROM audit_events WHERE action = 'tenant.quotas_changed' AND target_id = $1 ORDER BY created_at",
        [tenantOf()],
      ),
    );
    expect(audit.map((row) => row.details.plan)).toEqual([
      { from: "free", to: "pro" },
      { from: "pro", to: "pro" },
      { from: "pro", to: "enterprise" },
    ]);
    const events = await instance.resources.sql.withSystem((tx) =>
      tx.query<{ count: number }>(
        "SELECT count(*)::int AS count FROM outbox_events WHERE event_type = 'tenant.quotas_changed' AND tenant_id = $1",
        [tenantOf()],
      ),
    );
    expect(events[0]?.count).toBe(3);
  });

  it("refuses bad input and unknown tenants", async () => {
    const url = `/api/v1/admin/tenants/${tenantOf()}`;
    for (const body of [
      {},
      { plan: "platinum" },
      { plan: 1 },
      { quotas: { storage_gb: -1 } },
      { quotas: { storage_gb: 1.5 } },
      { quotas: { storage_gb: "10" } },
      { quotas: { unknown_quota: 1 } },
      { plan: "pro", extra: true },
      { quotas: [] },
    ]) {
      const res = await call("PATCH", url, admin.access_token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      errorEnvelopeSchema.parse(res.json());
    }
    expect(
      (await call("PATCH", "/api/v1/admin/tenants/space_1", admin.access_token, { plan: "pro" })).statusCode,
    ).toBe(400);
    expect(
      (await call("PATCH", "/api/v1/admin/tenants/tenant_1", admin.access_token, { plan: "pro" })).statusCode,
    ).toBe(404);
    for (const query of ["plan=gold", "kind=team", "limit=-1", "cursor=eA"]) {
      expect(
        (await call("GET", `/api/v1/admin/tenants?${query}`, admin.access_token)).statusCode,
        query,
      ).toBe(400);
    }
  });
});
