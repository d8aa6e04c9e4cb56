import {
  apiKeySchema,
  createdApiKeySchema,
  createdInvitationSchema,
  organizationSchema,
  type TokenResponse,
  teamSchema,
} from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { seedDocument } from "../content/testing/document-fixtures.js";
import { bearer, registerAccount } from "./testing/identity-client.js";

/**
 * Two tenants with data; tenant B's credentials must not reach any of tenant A's resources
 * through any endpoint, and B's database context must not see A's rows even without filters.
 */
let instance: TestInstance;
let alice: TokenResponse;
let bob: TokenResponse;
const a = {
  notebookId: "",
  documentId: "",
  sessionId: "",
  budgetId: "",
  orgId: "",
  orgSpaceId: "",
  orgTenantId: "",
  teamId: "",
  invitationId: "",
  invitationToken: "",
  keyId: "",
  conversationId: "",
  historyId: "",
};

const app = () => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
/** Space-scoped content and gateway routes act in the caller's own space (B's personal space). */
const spaceScoped =
  /^\/api\/v1\/(notebooks|documents|processing-sessions|gateway\/budgets|conversations|query-history)/;

async function call(token: string, method: string, url: string, payload?: unknown) {
  const space = spaceScoped.test(url) && token === bob?.access_token ? bob.user.personal_space_id : null;
  return app().inject({
    method: method as "GET",
    url,
    headers: { ...bearer(token), ...(space ? { "x-space-id": space } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

beforeAll(async () => {
  instance = await startTestInstance();
  await registerAccount(app(), "first-admin"); // the first account becomes platform admin; A and B are not
  alice = await registerAccount(app(), "alice");
  bob = await registerAccount(app(), "bob");
  const org = organizationSchema.parse(
    (await call(alice.access_token, "POST", "/api/v1/organizations", { name: "Alice Corp" })).json(),
  );
  Object.assign(a, { orgId: org.id, orgSpaceId: org.space_id, orgTenantId: org.tenant_id });
  const team = teamSchema.parse(
    (
      await call(alice.access_token, "POST", `/api/v1/organizations/${org.id}/teams`, { name: "Research" })
    ).json(),
  );
  a.teamId = team.id;
  const invitation = createdInvitationSchema.parse(
    (
      await call(alice.access_token, "POST", `/api/v1/spaces/${org.space_id}/invitations`, {
        email: "someone@example.test",
        role: "member",
      })
    ).json(),
  );
  Object.assign(a, { invitationId: invitation.id, invitationToken: invitation.token });
  const key = createdApiKeySchema.parse(
    (
      await call(alice.access_token, "POST", "/api/v1/api-keys", { name: "ci", scopes: ["documents:read"] })
    ).json(),
  );
  a.keyId = key.id;
  const aliceSpace = alice.user.personal_space_id ?? "";
  const notebook = await app().inject({
    method: "POST",
    url: "/api/v1/notebooks",
    headers: { ...bearer(alice.access_token), "x-space-id": aliceSpace },
    payload: { name: "Alice's notebook" },
  });
  a.notebookId = notebook.json().id;
  const sql = instance.resources.sql;
  const tenantId = alice.user.personal_tenant_id ?? "";
  const document = await seedDocument(sql, {
    tenantId,
    spaceId: aliceSpace,
    notebookId: a.notebookId,
    ownerId: alice.user.id,
  });
  a.documentId = document.id;
  a.sessionId = uuidv7();
  await sql.withTenant(tenantId, (tx) =>
    tx.query(
      `INSERT INTO processing_sessions (id, tenant_id, space_id, user_id, notebook_id, status)
       VALUES ($1, $2, $3, $4, $5, 'running')`,
      [a.sessionId, tenantId, aliceSpace, alice.user.id, a.notebookId],
    ),
  );
  const budget = await app().inject({
    method: "POST",
    url: "/api/v1/gateway/budgets",
    headers: { ...bearer(alice.access_token), "x-space-id": aliceSpace },
    payload: { scope: "tenant", period: "day", limit_usd: 5, mode: "hard" },
  });
  a.budgetId = budget.json().id;
  const conversation = await app().inject({
    method: "POST",
    url: "/api/v1/conversations",
    headers: { ...bearer(alice.access_token), "x-space-id": aliceSpace },
    payload: { title: "Alice's questions" },
  });
  a.conversationId = conversation.json().id;
  a.historyId = uuidv7();
  await sql.withTenant(tenantId, (tx) =>
    tx.query(
      `INSERT INTO assistant_query_history (id, tenant_id, space_id, user_id, question, standalone_question,
         answer, mode, grounded)
       VALUES ($1, $2, $3, $4, 'secret question', 'secret question', 'answer', 'not_found', true)`,
      [a.historyId, tenantId, aliceSpace, alice.user.id],
    ),
  );
});
afterAll(async () => {
  await instance?.close();
});

/** Every route that names a tenant-scoped resource, with what B tries against A's. */
function attempts(): Array<{ method: string; path: string; url: string; body?: unknown; allowed: number[] }> {
  const personal = alice.user.personal_space_id ?? "";
  const adminOnly = [403];
  const someId = "01900000-0000-7000-8000-000000000000";
  const contentCases = [
    ["GET", "/api/v1/notebooks/{id}", `/api/v1/notebooks/${a.notebookId}`, undefined],
    ["PATCH", "/api/v1/notebooks/{id}", `/api/v1/notebooks/${a.notebookId}`, { name: "pwned" }],
    ["DELETE", "/api/v1/notebooks/{id}", `/api/v1/notebooks/${a.notebookId}`, undefined],
    ["GET", "/api/v1/documents/{id}", `/api/v1/documents/${a.documentId}`, undefined],
    ["PATCH", "/api/v1/documents/{id}", `/api/v1/documents/${a.documentId}`, { name: "pwned.pdf" }],
    ["DELETE", "/api/v1/documents/{id}", `/api/v1/documents/${a.documentId}`, undefined],
    ["GET", "/api/v1/documents/{id}/chunks", `/api/v1/documents/${a.documentId}/chunks`, undefined],
    ["GET", "/api/v1/documents/{id}/content", `/api/v1/documents/${a.documentId}/content`, undefined],
    ["POST", "/api/v1/documents/{id}/reprocess", `/api/v1/documents/${a.documentId}/reprocess`, undefined],
    ["GET", "/api/v1/processing-sessions/{id}", `/api/v1/processing-sessions/${a.sessionId}`, undefined],
    [
      "POST",
      "/api/v1/processing-sessions/{id}/cancel",
      `/api/v1/processing-sessions/${a.sessionId}/cancel`,
      undefined,
    ],
    ["PATCH", "/api/v1/gateway/budgets/{id}", `/api/v1/gateway/budgets/${a.budgetId}`, { limit_usd: 1000 }],
    ["DELETE", "/api/v1/gateway/budgets/{id}", `/api/v1/gateway/budgets/${a.budgetId}`, undefined],
    ["GET", "/api/v1/conversations/{id}", `/api/v1/conversations/${a.conversationId}`, undefined],
    ["DELETE", "/api/v1/conversations/{id}", `/api/v1/conversations/${a.conversationId}`, undefined],
    [
      "POST",
      "/api/v1/conversations/{id}/messages",
      `/api/v1/conversations/${a.conversationId}/messages`,
      { question: "What is in Alice's notebook?" },
    ],
    ["DELETE", "/api/v1/query-history/{id}", `/api/v1/query-history/${a.historyId}`, undefined],
  ] as const;
  const platformAdminCases = [
    ["GET", "/api/v1/gateway/providers/{id}", `/api/v1/gateway/providers/${someId}`, undefined],
    ["PATCH", "/api/v1/gateway/providers/{id}", `/api/v1/gateway/providers/${someId}`, { enabled: false }],
    ["DELETE", "/api/v1/gateway/providers/{id}", `/api/v1/gateway/providers/${someId}`, undefined],
    ["GET", "/api/v1/gateway/models/{id}", `/api/v1/gateway/models/${someId}`, undefined],
    ["PATCH", "/api/v1/gateway/models/{id}", `/api/v1/gateway/models/${someId}`, { display_name: "x" }],
    ["DELETE", "/api/v1/gateway/models/{id}", `/api/v1/gateway/models/${someId}`, undefined],
    ["GET", "/api/v1/gateway/models/{id}/prices", `/api/v1/gateway/models/${someId}/prices`, undefined],
    [
      "POST",
      "/api/v1/gateway/models/{id}/prices",
      `/api/v1/gateway/models/${someId}/prices`,
      { input: 1, output: 1 },
    ],
  ] as const;
  const extra = (hidden: number[]) => [
    ...contentCases.map(([method, path, url, body]) => ({ method, path, url, body, allowed: hidden })),
    ...platformAdminCases.map(([method, path, url, body]) => ({
      method,
      path,
      url,
      body,
      allowed: adminOnly,
    })),
    {
      method: "PATCH",
      path: "/api/v1/api-keys/{id}",
      url: `/api/v1/api-keys/${a.keyId}`,
      body: { gateway: { rpm: 1 } },
      allowed: hidden,
    },
  ];
  const hidden = [404];
  return [
    ...extra(hidden),
    { method: "GET", path: "/api/v1/spaces/{space_id}", url: `/api/v1/spaces/${personal}`, allowed: hidden },
    {
      method: "GET",
      path: "/api/v1/spaces/{space_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}`,
      allowed: hidden,
    },
    {
      method: "PATCH",
      path: "/api/v1/spaces/{space_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}`,
      body: { name: "pwned" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/spaces/{space_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}`,
      allowed: hidden,
    },
    {
      method: "GET",
      path: "/api/v1/spaces/{space_id}/members",
      url: `/api/v1/spaces/${a.orgSpaceId}/members`,
      allowed: hidden,
    },
    {
      method: "POST",
      path: "/api/v1/spaces/{space_id}/members",
      url: `/api/v1/spaces/${a.orgSpaceId}/members`,
      body: { user_id: bob.user.id, role: "owner" },
      allowed: hidden,
    },
    {
      method: "PATCH",
      path: "/api/v1/spaces/{space_id}/members/{user_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}/members/${alice.user.id}`,
      body: { role: "viewer" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/spaces/{space_id}/members/{user_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}/members/${alice.user.id}`,
      allowed: hidden,
    },
    {
      method: "GET",
      path: "/api/v1/spaces/{space_id}/invitations",
      url: `/api/v1/spaces/${a.orgSpaceId}/invitations`,
      allowed: hidden,
    },
    {
      method: "POST",
      path: "/api/v1/spaces/{space_id}/invitations",
      url: `/api/v1/spaces/${a.orgSpaceId}/invitations`,
      body: { email: bob.user.email, role: "admin" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/spaces/{space_id}/invitations/{invitation_id}",
      url: `/api/v1/spaces/${a.orgSpaceId}/invitations/${a.invitationId}`,
      allowed: hidden,
    },
    // The token is the capability; it is addressed to another email, so B is refused.
    {
      method: "POST",
      path: "/api/v1/invitations/{token}/accept",
      url: `/api/v1/invitations/${a.invitationToken}/accept`,
      allowed: [403],
    },
    // The preview is what an invitation link shows whoever holds it (space name, role, masked
    // email): the token is the capability, so any holder may read it, and it changes nothing.
    {
      method: "GET",
      path: "/api/v1/invitations/{token}",
      url: `/api/v1/invitations/${a.invitationToken}`,
      allowed: [200],
    },
    {
      method: "GET",
      path: "/api/v1/organizations/{organization_id}",
      url: `/api/v1/organizations/${a.orgId}`,
      allowed: hidden,
    },
    {
      method: "PATCH",
      path: "/api/v1/organizations/{organization_id}",
      url: `/api/v1/organizations/${a.orgId}`,
      body: { name: "pwned" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/organizations/{organization_id}",
      url: `/api/v1/organizations/${a.orgId}`,
      allowed: hidden,
    },
    {
      method: "GET",
      path: "/api/v1/organizations/{organization_id}/members",
      url: `/api/v1/organizations/${a.orgId}/members`,
      allowed: hidden,
    },
    {
      method: "POST",
      path: "/api/v1/organizations/{organization_id}/members",
      url: `/api/v1/organizations/${a.orgId}/members`,
      body: { user_id: bob.user.id, role: "owner" },
      allowed: hidden,
    },
    {
      method: "PATCH",
      path: "/api/v1/organizations/{organization_id}/members/{user_id}",
      url: `/api/v1/organizations/${a.orgId}/members/${alice.user.id}`,
      body: { role: "member" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/organizations/{organization_id}/members/{user_id}",
      url: `/api/v1/organizations/${a.orgId}/members/${alice.user.id}`,
      allowed: hidden,
    },
    {
      method: "GET",
      path: "/api/v1/organizations/{organization_id}/teams",
      url: `/api/v1/organizations/${a.orgId}/teams`,
      allowed: hidden,
    },
    {
      method: "POST",
      path: "/api/v1/organizations/{organization_id}/teams",
      url: `/api/v1/organizations/${a.orgId}/teams`,
      body: { name: "intruders" },
      allowed: hidden,
    },
    { method: "GET", path: "/api/v1/teams/{team_id}", url: `/api/v1/teams/${a.teamId}`, allowed: hidden },
    {
      method: "PATCH",
      path: "/api/v1/teams/{team_id}",
      url: `/api/v1/teams/${a.teamId}`,
      body: { name: "pwned" },
      allowed: hidden,
    },
    { method: "DELETE", path: "/api/v1/teams/{team_id}", url: `/api/v1/teams/${a.teamId}`, allowed: hidden },
    {
      method: "GET",
      path: "/api/v1/teams/{team_id}/members",
      url: `/api/v1/teams/${a.teamId}/members`,
      allowed: hidden,
    },
    {
      method: "POST",
      path: "/api/v1/teams/{team_id}/members",
      url: `/api/v1/teams/${a.teamId}/members`,
      body: { user_id: bob.user.id, role: "owner" },
      allowed: hidden,
    },
    {
      method: "PATCH",
      path: "/api/v1/teams/{team_id}/members/{user_id}",
      url: `/api/v1/teams/${a.teamId}/members/${alice.user.id}`,
      body: { role: "member" },
      allowed: hidden,
    },
    {
      method: "DELETE",
      path: "/api/v1/teams/{team_id}/members/{user_id}",
      url: `/api/v1/teams/${a.teamId}/members/${alice.user.id}`,
      allowed: hidden,
    },
    { method: "DELETE", path: "/api/v1/api-keys/{id}", url: `/api/v1/api-keys/${a.keyId}`, allowed: hidden },
    // Platform administration is for platform admins only.
    {
      method: "POST",
      path: "/api/v1/admin/users/{id}/suspend",
      url: `/api/v1/admin/users/${alice.user.id}/suspend`,
      allowed: [403],
    },
    {
      method: "POST",
      path: "/api/v1/admin/users/{id}/reactivate",
      url: `/api/v1/admin/users/${alice.user.id}/reactivate`,
      allowed: [403],
    },
    {
      method: "PATCH",
      path: "/api/v1/admin/tenants/{tenant_id}",
      url: `/api/v1/admin/tenants/${a.orgTenantId}`,
      body: { plan: "enterprise" },
      allowed: [403],
    },
  ];
}

describe("tenant B against tenant A's resources", () => {
  it("covers every route that names a tenant-scoped resource", async () => {
    const document = (await app().inject({ method: "GET", url: "/openapi.json" })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const scoped = Object.entries(document.paths)
      .filter(([path]) =>
        /\{(space_id|user_id|invitation_id|organization_id|team_id|id|tenant_id|token)\}/.test(path),
      )
      .filter(([path]) => !path.startsWith("/api/v1/auth/"))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    const covered = new Set(attempts().map((attempt) => `${attempt.method} ${attempt.path}`));
    expect(scoped.filter((route) => !covered.has(route))).toEqual([]);
  });

  it("gets 404 (or 403 where the resource is visible) and changes nothing", async () => {
    for (const attempt of attempts()) {
      const res = await call(bob.access_token, attempt.method, attempt.url, attempt.body);
      expect(attempt.allowed, `${attempt.method} ${attempt.url} → ${res.statusCode} ${res.body}`).toContain(
        res.statusCode,
      );
    }
    const space = await call(alice.access_token, "GET", `/api/v1/spaces/${a.orgSpaceId}`);
    expect(space.json().name).not.toBe("pwned");
    const members = await call(alice.access_token, "GET", `/api/v1/spaces/${a.orgSpaceId}/members`);
    expect(members.json().data.map((m: { user_id: string }) => m.user_id)).toEqual([alice.user.id]);
    const keys = await call(alice.access_token, "GET", "/api/v1/api-keys");
    expect(keys.json().data.map((k: unknown) => apiKeySchema.parse(k).revoked_at)).toEqual([null]);
  });

  it("lists only B's own spaces and organizations", async () => {
    const spaces = await call(bob.access_token, "GET", "/api/v1/spaces");
    const ids = spaces.json().data.map((s: { id: string }) => s.id);
    expect(ids).toEqual([bob.user.personal_space_id]);
    const organizations = await call(bob.access_token, "GET", "/api/v1/organizations");
    expect(organizations.json().data).toEqual([]);
  });

  it("refuses X-Space-ID of A's space on a space-scoped route", async () => {
    const res = await app().inject({
      method: "GET",
      url: `/api/v1/spaces/${a.orgSpaceId}`,
      headers: { ...bearer(bob.access_token), "x-space-id": a.orgSpaceId },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("the database itself, without application filters", () => {
  it("shows B's tenant context none of A's rows in any tenant-scoped table", async () => {
    const sql = instance.resources.sql;
    const tables = await sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
       WHERE table_schema = $1 AND column_name = 'tenant_id' ORDER BY table_name`,
      [sql.schema],
    );
    const aliceTenants = [alice.user.personal_tenant_id ?? "", a.orgTenantId];
    const bobTenant = bob.user.personal_tenant_id ?? "";
    let seenAsSystem = 0;
    for (const { table_name } of tables) {
      const visible = await sql.withTenant(bobTenant, (tx) =>
        tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table_name} WHERE tenant_id = ANY($1)`, [
          aliceTenants,
        ]),
      );
      expect(visible[0]?.n, table_name).toBe(0);
      const all = await sql.withTenant(bobTenant, (tx) =>
        tx.query<{ tenant_id: string }>(`SELECT DISTINCT tenant_id FROM ${table_name}`),
      );
      expect(
        all.every((row) => row.tenant_id === bobTenant),
        table_name,
      ).toBe(true);
      const [system] = await sql.withSystem((tx) =>
        tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table_name} WHERE tenant_id = ANY($1)`, [
          aliceTenants,
        ]),
      );
      if ((system?.n ?? 0) > 0) seenAsSystem += 1;
    }
    // A really has rows in several of these tables, so the zeros above mean something.
    expect(seenAsSystem).toBeGreaterThan(4);
  });
});
