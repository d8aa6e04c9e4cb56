import { type Budget, budgetListSchema, budgetSchema, type TokenResponse } from "@tributary/contracts";
import type { FastifyInstance } from "fastify";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs } from "../../usage/testing/tenant-accounts.js";
import { waitForUsageRows } from "../../usage/testing/usage-rows.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "../testing/gateway-test-instance.js";

/** $1 000 per million output tokens, free input: each 10-token echo costs exactly $0.01. */
const meteredModel = { name: "fake-metered", prices: { input: 0, output: 1_000 }, capabilities: [] };
const callCostUsd = 0.01;
const request = {
  model: "fake-metered",
  max_tokens: 10,
  messages: [{ role: "user" as const, content: "Count from one to twenty, one number per word please" }],
};

let bed: GatewayTestBed;

beforeAll(async () => {
  bed = await startGatewayTestBed({}, { openai: [meteredModel] });
});
afterAll(async () => {
  await bed?.close();
});

const app = (): FastifyInstance => {
  if (!bed.instance.app) throw new Error("no app");
  return bed.instance.app;
};

/** The current UTC day and month, as the budgets' periods cut them. */
function currentPeriods(now = new Date()) {
  const [year, month, day] = [now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()];
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    day: { period_start: iso(Date.UTC(year, month, day)), period_end: iso(Date.UTC(year, month, day + 1)) },
    month: { period_start: iso(Date.UTC(year, month, 1)), period_end: iso(Date.UTC(year, month + 1, 1)) },
  };
}

describe("a budget's spend", () => {
  let owner: TokenResponse;
  let keyId: string;
  let openai: OpenAI;
  let tenantId: string;
  let spaceId: string;
  const ids: Record<string, string> = {};

  const budgets = (method: "GET" | "POST" | "PATCH", path = "", payload?: unknown) =>
    callAs(app(), owner.access_token, method, `/api/v1/gateway/budgets${path}`, { space: spaceId, payload });
  const listed = async () => {
    const reply = await budgets("GET");
    expect(reply.status).toBe(200);
    return new Map(budgetListSchema.parse(reply.body).data.map((budget) => [budget.id, budget]));
  };
  const byName = (all: Map<string, Budget>, name: string): Budget => {
    const found = all.get(ids[name] ?? "");
    if (!found) throw new Error(`budget ${name} not listed`);
    return found;
  };

  beforeAll(async () => {
    const created = await createGatewayKey(bed);
    owner = created.owner;
    keyId = created.key.id;
    openai = new OpenAI({ apiKey: created.key.secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 });
    tenantId = owner.user.personal_tenant_id ?? "";
    spaceId = owner.user.personal_space_id ?? "";
    if (!tenantId || !spaceId) throw new Error("no personal tenant or space");
  });

  it("is 0 before any call, with the bounds of the current UTC day or month", async () => {
    const requests = {
      tenant: { scope: "tenant", period: "month", limit_usd: 1 },
      user: { scope: "user", scope_id: owner.user.id, period: "day", limit_usd: 0.1 },
      key: { scope: "api_key", scope_id: keyId, period: "day", limit_usd: 0.05, mode: "soft" },
      // Another space of the tenant: the caller's calls are not its spending.
      otherSpace: { scope: "space", scope_id: "space_424242", period: "month", limit_usd: 2 },
    };
    const periods = currentPeriods();
    for (const [name, payload] of Object.entries(requests)) {
      const reply = await budgets("POST", "", payload);
      expect(reply.status).toBe(201);
      const budget = budgetSchema.parse(reply.body);
      ids[name] = budget.id;
      expect(budget.spend).toEqual({
        spent_usd: 0,
        remaining_usd: payload.limit_usd,
        ...periods[budget.period],
      });
    }
    const all = await listed();
    expect(byName(all, "tenant").spend).toEqual({ spent_usd: 0, remaining_usd: 1, ...periods.month });
    expect(byName(all, "user").spend).toEqual({ spent_usd: 0, remaining_usd: 0.1, ...periods.day });
  });

  it("reports the recorded cost of the period's gateway calls, in list, update and create", async () => {
    for (let i = 0; i < 3; i++) await openai.chat.completions.create(request);
    // The recorder writes in batches (every 50 ms here): the spend counts what is written.
    const rows = await waitForUsageRows(bed.instance.resources.sql, tenantId, 3);
    expect(rows.map((row) => row.cost_usd)).toEqual([callCostUsd, callCostUsd, callCostUsd]);
    const periods = currentPeriods();

    const all = await listed();
    expect(byName(all, "tenant").spend).toEqual({ spent_usd: 0.03, remaining_usd: 0.97, ...periods.month });
    expect(byName(all, "user").spend).toEqual({ spent_usd: 0.03, remaining_usd: 0.07, ...periods.day });
    expect(byName(all, "otherSpace").spend).toMatchObject({ spent_usd: 0, remaining_usd: 2 });
    // A soft budget may be passed; what remains never goes below 0.
    await openai.chat.completions.create(request);
    await openai.chat.completions.create(request);
    await openai.chat.completions.create(request);
    await waitForUsageRows(bed.instance.resources.sql, tenantId, 6);
    expect(byName(await listed(), "key").spend).toEqual({
      spent_usd: 0.06,
      remaining_usd: 0,
      ...periods.day,
    });

    const changed = await budgets("PATCH", `/${ids.user}`, { limit_usd: 0.5 });
    expect(changed.status).toBe(200);
    expect(budgetSchema.parse(changed.body).spend).toMatchObject({ spent_usd: 0.06, remaining_usd: 0.44 });

    // A budget created mid-period counts the calls made before it existed (in the key owner's
    // personal space, where the gateway puts calls that name no space).
    const space = await budgets("POST", "", { scope: "space", period: "day", limit_usd: 1 });
    expect(space.status).toBe(201);
    expect(budgetSchema.parse(space.body).spend).toEqual({
      spent_usd: 0.06,
      remaining_usd: 0.94,
      ...periods.day,
    });
  });
});
