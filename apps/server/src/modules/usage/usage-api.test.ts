import { randomUUID } from "node:crypto";
import {
  createdApiKeySchema,
  type TokenResponse,
  type UsageResponse,
  usageResponseSchema,
} from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestInstance, type TestInstance } from "../../testing/test-instance.js";
import { encodeUsageRow } from "./encode-usage-row.js";
import { callAs, organizationOf, register } from "./testing/tenant-accounts.js";
import { usageRecord } from "./testing/usage-fixtures.js";
import type { UsageRecordInput } from "./usage-record.js";
import { toUsageRow } from "./usage-record.js";
import { sqlUsageWriter } from "./write-usage-batch.js";

let instance: TestInstance;
let alice: TokenResponse; // owns the organization
let dave: TokenResponse; // admin of its space
let bob: TokenResponse; // member of its space
let carol: TokenResponse; // another tenant altogether
let org: { tenantId: string; spaceId: string };
const keyId = randomUUID();

const app = (): FastifyInstance => {
  if (!instance.app) throw new Error("no app");
  return instance.app;
};
const range = "from=2026-03-10T00:00:00Z&to=2026-03-12T00:00:00Z";

async function usage(account: TokenResponse | string, query: string, space = org.spaceId) {
  const token = typeof account === "string" ? account : account.access_token;
  return callAs(app(), token, "GET", `/api/v1/usage?${query}`, { space });
}
async function usageOk(account: TokenResponse | string, query: string, space = org.spaceId) {
  const reply = await usage(account, query, space);
  if (reply.status !== 200) throw new Error(`usage: ${reply.status} ${JSON.stringify(reply.body)}`);
  return usageResponseSchema.parse(reply.body);
}
const brief = (r: UsageResponse["totals"]) => ({ requests: r.requests, cost_usd: r.cost_usd });

beforeAll(async () => {
  // The instance serves GET /api/v1/usage through the gateway module (wired in start-tributary).
  instance = await startTestInstance();
  await register(app(), "platform-admin"); // the first account is platform admin; keep it out of the way
  [alice, dave, bob, carol] = (await Promise.all(
    ["alice", "dave", "bob", "carol"].map((label) => register(app(), label)),
  )) as [TokenResponse, TokenResponse, TokenResponse, TokenResponse];
  org = await organizationOf(app(), alice, [
    { account: dave, role: "admin" },
    { account: bob, role: "member" },
  ]);
  const inOrg = (overrides: Partial<UsageRecordInput>) =>
    usageRecord({ tenantId: org.tenantId, spaceId: org.spaceId, ...overrides });
  const records = [
    inOrg({
      userId: alice.user.id,
      apiKeyId: keyId,
      model: "gpt-a",
      inputTokens: 100,
      outputTokens: 10,
      costUsd: 0.1,
      createdAt: new Date("2026-03-10T10:15:00Z"),
    }),
    inOrg({
      userId: alice.user.id,
      model: "gpt-b",
      provider: "anthropic",
      inputTokens: 200,
      cachedInputTokens: 50,
      outputTokens: 20,
      reasoningTokens: 5,
      costUsd: 0.2,
      status: "error",
      httpStatus: 502,
      errorCode: "upstream_error",
      createdAt: new Date("2026-03-10T10:20:00Z"),
    }),
    inOrg({
      userId: bob.user.id,
      model: "gpt-a",
      inputTokens: 50,
      outputTokens: 5,
      costUsd: 0.05,
      cacheHit: true,
      createdAt: new Date("2026-03-10T11:30:00Z"),
    }),
    inOrg({
      userId: bob.user.id,
      spaceId: "space_999",
      model: "gpt-a",
      inputTokens: 1000,
      outputTokens: 100,
      costUsd: 1,
      createdAt: new Date("2026-03-11T09:00:00Z"),
    }),
    // Outside the range: never counted.
    inOrg({ userId: alice.user.id, costUsd: 50, createdAt: new Date("2026-03-12T00:00:00Z") }),
    usageRecord({
      tenantId: carol.user.personal_tenant_id ?? "",
      spaceId: carol.user.personal_space_id ?? "",
      userId: carol.user.id,
      model: "gpt-a",
      costUsd: 7,
      createdAt: new Date("2026-03-10T10:20:00Z"),
    }),
  ];
  await sqlUsageWriter(instance.resources.sql)(records.map((record) => encodeUsageRow(toUsageRow(record))));
});
afterAll(async () => {
  await instance?.close();
});

describe("GET /api/v1/usage", () => {
  it("gives an owner the tenant's totals and an hourly series", async () => {
    const body = await usageOk(alice, `${range}&granularity=hour`);
    expect(body.totals).toEqual({
      requests: 4,
      input_tokens: 1350,
      cached_input_tokens: 50,
      cache_write_tokens: 0,
      output_tokens: 135,
      reasoning_tokens: 5,
      cost_usd: 1.35,
      errors: 1,
      cache_hits: 1,
    });
    expect(body.series.map((point) => ({ at: point.bucket_start, ...brief(point) }))).toEqual([
      { at: "2026-03-10T10:00:00.000Z", requests: 2, cost_usd: 0.3 },
      { at: "2026-03-10T11:00:00.000Z", requests: 1, cost_usd: 0.05 },
      { at: "2026-03-11T09:00:00.000Z", requests: 1, cost_usd: 1 },
    ]);
    expect(body.series[0]).not.toHaveProperty("group");
    expect(body.groups).toBeUndefined();
    expect(body).toMatchObject({ granularity: "hour", group_by: null, from: "2026-03-10T00:00:00.000Z" });
  });

  it("buckets by UTC day, the default for ranges over two days", async () => {
    const body = await usageOk(alice, "from=2026-03-09T00:00:00Z&to=2026-03-12T00:00:00Z");
    expect(body.granularity).toBe("day");
    expect(body.series.map((point) => ({ at: point.bucket_start, ...brief(point) }))).toEqual([
      { at: "2026-03-10T00:00:00.000Z", requests: 3, cost_usd: 0.35 },
      { at: "2026-03-11T00:00:00.000Z", requests: 1, cost_usd: 1 },
    ]);
  });

  it("groups by model, user, API key and provider", async () => {
    const byModel = await usageOk(alice, `${range}&granularity=day&group_by=model`);
    expect(byModel.groups?.map((g) => ({ group: g.group, ...brief(g) }))).toEqual([
      { group: "gpt-a", requests: 3, cost_usd: 1.15 },
      { group: "gpt-b", requests: 1, cost_usd: 0.2 },
    ]);
    expect(byModel.series.map((p) => [p.bucket_start.slice(0, 10), p.group, p.requests])).toEqual([
      ["2026-03-10", "gpt-b", 1],
      ["2026-03-10", "gpt-a", 2],
      ["2026-03-11", "gpt-a", 1],
    ]);
    expect(brief(byModel.totals)).toEqual({ requests: 4, cost_usd: 1.35 });

    const byUser = await usageOk(alice, `${range}&group_by=user`);
    expect(byUser.groups?.map((g) => [g.group, g.cost_usd])).toEqual([
      [bob.user.id, 1.05],
      [alice.user.id, 0.3],
    ]);
    const byKey = await usageOk(alice, `${range}&group_by=api_key`);
    expect(byKey.groups?.map((g) => [g.group, g.requests])).toEqual([
      [null, 3],
      [keyId, 1],
    ]);
    const byProvider = await usageOk(alice, `${range}&group_by=provider`);
    expect(byProvider.groups?.map((g) => [g.group, g.requests])).toEqual([
      ["openai", 3],
      ["anthropic", 1],
    ]);
    const bySpace = await usageOk(alice, `${range}&group_by=space`);
    expect(bySpace.groups?.map((g) => [g.group, g.requests])).toEqual([
      ["space_999", 1],
      [org.spaceId, 3],
    ]);
  });

  it("names the groups of users, API keys and spaces; models and providers name themselves", async () => {
    const name = (account: TokenResponse) =>
      `${account.user.first_name} ${account.user.last_name}`.trim() || account.user.email;
    const byUser = await usageOk(alice, `${range}&group_by=user`);
    expect(byUser.groups?.map((g) => [g.group, g.label])).toEqual([
      [bob.user.id, name(bob)],
      [alice.user.id, name(alice)],
    ]);
    // A key that no longer exists, and calls made without one, have no name.
    const byKey = await usageOk(alice, `${range}&group_by=api_key`);
    expect(byKey.groups?.map((g) => [g.group, g.label])).toEqual([
      [null, null],
      [keyId, null],
    ]);
    const bySpace = await usageOk(alice, `${range}&group_by=space`);
    const spaceName = await instance.resources.sql.withTenant(org.tenantId, (tx) =>
      tx.query<{ name: string }>("SELECT name FROM spaces WHERE id = $1", [org.spaceId]),
    );
    expect(bySpace.groups?.map((g) => [g.group, g.label])).toEqual([
      ["space_999", null],
      [org.spaceId, spaceName[0]?.name],
    ]);
    const byModel = await usageOk(alice, `${range}&group_by=model`);
    expect(byModel.groups?.every((g) => g.label === undefined)).toBe(true);
  });

  it("filters by model, status, user, API key and space", async () => {
    const count = async (filter: string) => (await usageOk(alice, `${range}&${filter}`)).totals.requests;
    expect(await count("model=gpt-b")).toBe(1);
    expect(await count("status=error")).toBe(1);
    expect(await count("status=success")).toBe(3);
    expect(await count(`user_id=${bob.user.id}`)).toBe(2);
    expect(await count(`api_key_id=${keyId}`)).toBe(1);
    expect(await count("space_id=space_999")).toBe(1);
    expect(await count(`model=gpt-a&user_id=${bob.user.id}&space_id=${org.spaceId}`)).toBe(1);
  });

  it("gives an admin of the space the whole tenant too", async () => {
    expect(brief((await usageOk(dave, range)).totals)).toEqual({ requests: 4, cost_usd: 1.35 });
  });

  it("shows other members only their own calls, and refuses to name another user", async () => {
    const own = await usageOk(bob, `${range}&group_by=user`);
    expect(brief(own.totals)).toEqual({ requests: 2, cost_usd: 1.05 });
    expect(own.groups?.map((g) => g.group)).toEqual([bob.user.id]);
    expect((await usageOk(bob, `${range}&user_id=${bob.user.id}`)).totals.requests).toBe(2);
    const other = await usage(bob, `${range}&user_id=${alice.user.id}`);
    expect(other.status).toBe(403);
  });

  it("never shows one tenant's usage to another", async () => {
    // Carol's own tenant holds only her call.
    const own = await usageOk(carol, range, carol.user.personal_space_id ?? "");
    expect(brief(own.totals)).toEqual({ requests: 1, cost_usd: 7 });
    // Alice's personal space is another tenant than her organization: nothing there.
    const personal = await usageOk(alice, range, alice.user.personal_space_id ?? "");
    expect(personal.totals.requests).toBe(0);
    expect(personal.series).toEqual([]);
    // Naming the organization's space as an outsider reveals nothing.
    expect((await usage(carol, range)).status).toBe(404);
    // Filters cannot reach across tenants either.
    const filtered = await usageOk(
      carol,
      `${range}&user_id=${alice.user.id}`,
      carol.user.personal_space_id ?? "",
    );
    expect(filtered.totals.requests).toBe(0);
  });

  it("answers API keys with a gateway or spaces scope, and refuses others", async () => {
    const key = async (scopes: string[]) => {
      const created = await callAs(app(), alice.access_token, "POST", "/api/v1/api-keys", {
        payload: { name: `usage ${scopes.join(",")}`, scopes },
      });
      return createdApiKeySchema.parse(created.body).secret;
    };
    expect((await usageOk(await key(["gateway:invoke"]), range)).totals.requests).toBe(4);
    expect((await usage(await key(["documents:read"]), range)).status).toBe(403);
  });

  it("validates the range", async () => {
    expect((await usage(alice, "from=2026-03-12T00:00:00Z&to=2026-03-10T00:00:00Z")).status).toBe(400);
    expect(
      (await usage(alice, "from=2026-01-01T00:00:00Z&to=2026-03-10T00:00:00Z&granularity=hour")).status,
    ).toBe(400);
    expect((await usage(alice, "from=yesterday")).status).toBe(400);
    expect((await usage(alice, "group_by=colour")).status).toBe(400);
    expect((await usage(alice, "")).status).toBe(200);
  });
});
