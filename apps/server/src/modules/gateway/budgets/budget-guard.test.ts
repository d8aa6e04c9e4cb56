import { randomUUID } from "node:crypto";
import type { BudgetAlertEventData, CreateBudgetRequest } from "@tributary/contracts";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../../config/test-services.js";
import type { SpaceContext } from "../../../platform/auth/index.js";
import { type CacheStore, createMemoryCache, openCache } from "../../../platform/cache/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import { createLogger } from "../../../platform/telemetry/logger.js";
import { openTestSql } from "../../../testing/test-sql.js";
import { waitFor } from "../../../testing/wait-for.js";
import { createUsageRecorder, type UsageRecordInput } from "../../usage/index.js";
import { type BudgetGuard, createBudgetGuard, type ReserveInput } from "./budget-guard.js";
import { createBudget } from "./manage-budgets.js";

const services = testServices();
const redisSkip = skipReason(services, "REDIS_URL");
if (redisSkip) console.warn(`[skip] BudgetGuard on Redis: ${redisSkip}`);

const logger = createLogger("silent");
// A fixed day in the future: counters live until two days past their period.
const now = new Date("2031-06-15T12:00:00Z");
let sql: Sql;
let tenantCounter = 0;

beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  await sql?.close();
});

/** A fresh tenant (own budgets, own counters) with one space and one user. */
function newTenant() {
  tenantCounter += 1;
  const digits = `${Date.now()}${tenantCounter}${Math.floor(Math.random() * 1_000)}`;
  const space: SpaceContext = { tenantId: `tenant_${digits}`, spaceId: `space_${digits}`, role: "owner" };
  const userId = randomUUID();
  const call = (overrides: Partial<ReserveInput> = {}): ReserveInput => ({
    tenantId: space.tenantId,
    spaceId: space.spaceId,
    userId,
    apiKeyId: null,
    estimateUsd: 0.1,
    now,
    ...overrides,
  });
  const budget = (request: Partial<CreateBudgetRequest> & Pick<CreateBudgetRequest, "scope">) =>
    createBudget(sql, space, userId, {
      period: "day",
      limit_usd: 1,
      mode: "hard",
      alert_threshold: 0.8,
      ...request,
    });
  return { space, userId, call, budget };
}

async function alertsOf(tenantId: string) {
  const rows = await sql.withTenant(tenantId, (tx) =>
    tx.query<{ data: BudgetAlertEventData; metadata: Record<string, string> }>(
      "SELECT data, metadata FROM outbox_events WHERE event_type = 'gateway.budget_alert' ORDER BY position",
    ),
  );
  return rows;
}

async function recordUsage(records: UsageRecordInput[]) {
  const recorder = createUsageRecorder({ sql, logger, flushIntervalMs: 3_600_000 });
  for (const record of records) recorder.record(record);
  await recorder.close();
}

function usage(tenantId: string, overrides: Partial<UsageRecordInput>): UsageRecordInput {
  return {
    tenantId,
    spaceId: "space_1",
    userId: randomUUID(),
    apiKeyId: null,
    applicationId: null,
    requestId: randomUUID(),
    endpoint: "chat",
    protocol: "openai",
    requestedModel: "m",
    model: "m",
    provider: "p",
    deploymentId: "d",
    inputTokens: 1,
    cachedInputTokens: 0,
    cacheWriteTokens: 0,
    outputTokens: 1,
    reasoningTokens: 0,
    costUsd: 0,
    priceVersion: "1",
    estimated: false,
    latencyMs: 1,
    overheadMs: 0.1,
    status: "success",
    httpStatus: 200,
    errorCode: null,
    cacheHit: false,
    fallbackUsed: false,
    attemptCount: 1,
    guardrail: null,
    stream: false,
    ...overrides,
  };
}

function guardSuite(
  openStore: () => Promise<CacheStore>,
  cleanUp: (tenantIds: readonly string[]) => Promise<void> = async () => {},
) {
  let cache: CacheStore;
  let guard: BudgetGuard;
  const tenants: string[] = [];
  const tracked = () => {
    const tenant = newTenant();
    tenants.push(tenant.space.tenantId);
    return tenant;
  };
  const newGuard = () => createBudgetGuard({ sql, cache, logger, budgetsTtlMs: 60_000 });
  const counter = async (tenantId: string, budgetId: string, label = "2031-06-15") =>
    (await cache.reservations.read([`gateway:budget:{${tenantId}}:${budgetId}:${label}`]))[0];

  beforeAll(async () => {
    cache = await openStore();
    guard = newGuard();
  });
  afterAll(async () => {
    await guard?.idle();
    await cache?.close();
    await cleanUp(tenants);
  });

  it("admits exactly 10 of 50 concurrent $0.10 calls against a hard $1.00 budget", async () => {
    const { call, budget, space } = tracked();
    const created = await budget({ scope: "tenant" });
    const results = await Promise.all(Array.from({ length: 50 }, () => guard.reserve(call())));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.find((r) => !r.ok);
    expect(refused).toEqual({
      ok: false,
      exceeded: {
        budget_id: created.id,
        scope: "tenant",
        scope_id: space.tenantId,
        period: "day",
        limit_usd: 1,
        spent_usd: 1,
      },
    });
    expect(await counter(space.tenantId, created.id)).toBe(1_000_000_000);
  });

  it("settles with the actual cost, lowering or raising the counter, and releases failed calls", async () => {
    const { call, budget, space } = tracked();
    const created = await budget({ scope: "tenant" });
    const first = await guard.reserve(call({ estimateUsd: 0.5 }));
    if (!first.ok) throw new Error("first reservation refused");
    await guard.settle(first.reservation, 0.2);
    expect(await counter(space.tenantId, created.id)).toBe(200_000_000);
    // Settling twice changes nothing.
    await guard.settle(first.reservation, 0.9);
    expect(await counter(space.tenantId, created.id)).toBe(200_000_000);

    const second = await guard.reserve(call({ estimateUsd: 0.8 }));
    if (!second.ok) throw new Error("second reservation refused");
    expect((await guard.reserve(call({ estimateUsd: 0.01 }))).ok).toBe(false);
    // The call cost more than estimated: the budget is over, and refuses even a free call.
    await guard.settle(second.reservation, 0.85);
    expect(await counter(space.tenantId, created.id)).toBe(1_050_000_000);
    expect(await guard.reserve(call({ estimateUsd: 0 }))).toMatchObject({
      ok: false,
      exceeded: { spent_usd: 1.05 },
    });

    const other = tracked();
    const otherBudget = await other.budget({ scope: "tenant" });
    const held = await guard.reserve(other.call({ estimateUsd: 0.7 }));
    if (!held.ok) throw new Error("reservation refused");
    expect((await guard.reserve(other.call({ estimateUsd: 0.7 }))).ok).toBe(false);
    await guard.release(held.reservation);
    expect(await counter(other.space.tenantId, otherBudget.id)).toBe(0);
    expect((await guard.reserve(other.call({ estimateUsd: 0.7 }))).ok).toBe(true);
  });

  it("lets every call through a soft budget and raises exactly one alert per threshold", async () => {
    const { call, budget, space } = tracked();
    const created = await budget({ scope: "space", mode: "soft", alert_threshold: 0.8 });
    // Two guards on one cache stand for two nodes: the alert is still raised once.
    const otherNode = newGuard();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? guard : otherNode).reserve(call())),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    await Promise.all([guard.idle(), otherNode.idle()]);
    const alerts = await alertsOf(space.tenantId);
    // Raised concurrently, so written in either order.
    expect(alerts.map((a) => a.data.threshold).sort()).toEqual([0.8, 1]);
    const first = alerts.find((a) => a.data.threshold === 0.8);
    expect(first?.data).toMatchObject({
      budget_id: created.id,
      scope: "space",
      scope_id: space.spaceId,
      period: "day",
      period_start: "2031-06-15T00:00:00.000Z",
      mode: "soft",
      limit_usd: 1,
      threshold: 0.8,
    });
    expect(first?.data.spent_usd).toBeGreaterThanOrEqual(0.8);
    expect(first?.metadata).toMatchObject({ tenant_id: space.tenantId, space_id: space.spaceId });
    // More spending in the same period raises nothing new.
    const more = await guard.reserve(call());
    if (!more.ok) throw new Error("soft budget refused");
    await guard.settle(more.reservation, 2);
    await guard.idle();
    expect(await alertsOf(space.tenantId)).toHaveLength(2);
  });

  it("alerts on a hard budget at its threshold, once", async () => {
    const { call, budget, space } = tracked();
    await budget({ scope: "user", scope_id: call().userId, alert_threshold: 0.5 });
    for (let i = 0; i < 10; i++) await guard.reserve(call());
    await guard.idle();
    expect((await alertsOf(space.tenantId)).map((a) => [a.data.threshold, a.data.mode])).toEqual([
      [0.5, "hard"],
    ]);
  });

  it("seeds a counter from the period's usage records, once, whichever node comes first", async () => {
    const { call, budget, space, userId } = tracked();
    await recordUsage([
      usage(space.tenantId, { userId, costUsd: 0.7, createdAt: new Date("2031-06-15T01:00:00Z") }),
      // Yesterday and another user's calls do not count against this user's daily budget.
      usage(space.tenantId, { userId, costUsd: 5, createdAt: new Date("2031-06-14T23:59:59Z") }),
      usage(space.tenantId, { costUsd: 3, createdAt: new Date("2031-06-15T02:00:00Z") }),
    ]);
    const daily = await budget({ scope: "user", scope_id: userId });
    const monthly = await budget({ scope: "tenant", period: "month", limit_usd: 100 });
    const nodes = [guard, newGuard(), newGuard()];
    const results = await Promise.all(nodes.map((node) => node.reserve(call())));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await counter(space.tenantId, daily.id)).toBe(1_000_000_000);
    expect(await counter(space.tenantId, monthly.id, "2031-06")).toBe(8_700_000_000 + 300_000_000);
    expect(await guard.reserve(call({ estimateUsd: 0.000001 }))).toMatchObject({
      ok: false,
      exceeded: { budget_id: daily.id, scope: "user", spent_usd: 1 },
    });
  });

  it("enforces the key's own daily and monthly budgets from its settings", async () => {
    const { call } = tracked();
    const apiKeyId = randomUUID();
    const keyCall = (estimateUsd: number) =>
      call({ apiKeyId, estimateUsd, keyBudgets: { budget_daily_usd: 0.3, budget_monthly_usd: 10 } });
    for (let i = 0; i < 3; i++) expect((await guard.reserve(keyCall(0.1))).ok).toBe(true);
    expect(await guard.reserve(keyCall(0.1))).toMatchObject({
      ok: false,
      exceeded: {
        budget_id: `api_key:${apiKeyId}:day`,
        scope: "api_key",
        scope_id: apiKeyId,
        limit_usd: 0.3,
      },
    });
    // A soft key budget only alerts; another key is not affected at all.
    const soft = call({ apiKeyId, keyBudgets: { budget_daily_usd: 0.3, budget_mode: "soft" } });
    expect((await guard.reserve(soft)).ok).toBe(true);
    expect(
      (await guard.reserve(call({ apiKeyId: randomUUID(), keyBudgets: { budget_daily_usd: 0.3 } }))).ok,
    ).toBe(true);
  });

  it("reserves all or nothing: a refusal by one budget leaves the others untouched", async () => {
    const { call, budget, space, userId } = tracked();
    const tenantBudget = await budget({ scope: "tenant", limit_usd: 10 });
    await budget({ scope: "user", scope_id: userId, limit_usd: 0.15 });
    expect((await guard.reserve(call())).ok).toBe(true);
    expect(await guard.reserve(call())).toMatchObject({ ok: false, exceeded: { scope: "user" } });
    expect(await counter(space.tenantId, tenantBudget.id)).toBe(100_000_000);
  });

  it("applies only the budgets of this call's tenant, space, user and key", async () => {
    const { call, budget } = tracked();
    await budget({ scope: "space", scope_id: "space_1", limit_usd: 0 });
    await budget({ scope: "user", scope_id: randomUUID(), limit_usd: 0 });
    await budget({ scope: "api_key", scope_id: randomUUID(), limit_usd: 0 });
    const other = tracked();
    await other.budget({ scope: "tenant", limit_usd: 0 });
    const result = await guard.reserve(call());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.reservation.budgets).toEqual([]);
  });

  it("sees budgets created after its cache was filled once invalidated", async () => {
    const { call, budget, space } = tracked();
    expect((await guard.reserve(call())).ok).toBe(true);
    await budget({ scope: "tenant", limit_usd: 0 });
    // Cached for the TTL (a minute here)...
    expect((await guard.reserve(call())).ok).toBe(true);
    guard.invalidate(space.tenantId);
    expect((await guard.reserve(call())).ok).toBe(false);
  });

  it("holds each call's own day and space, though one caller's holds are reused between its calls", async () => {
    const { call, budget, space } = tracked();
    const apiKeyId = randomUUID();
    const daily = await budget({ scope: "tenant", limit_usd: 10 });
    const spaceBudget = await budget({ scope: "space", scope_id: space.spaceId, limit_usd: 10 });
    const nextDay = new Date("2031-06-16T12:00:00Z");
    const held = async (input: ReserveInput) => {
      const result = await guard.reserve(input);
      if (!result.ok) throw new Error("refused");
      return result.reservation.budgets.map((hold) => hold.id);
    };
    expect(await held(call({ apiKeyId }))).toEqual([daily.id, spaceBudget.id]);
    expect(await held(call({ apiKeyId, now: nextDay }))).toEqual([daily.id, spaceBudget.id]);
    expect(await held(call({ apiKeyId, spaceId: "space_elsewhere" }))).toEqual([daily.id]);
    expect(await counter(space.tenantId, daily.id)).toBe(200_000_000);
    expect(await counter(space.tenantId, daily.id, "2031-06-16")).toBe(100_000_000);
    expect(await counter(space.tenantId, spaceBudget.id)).toBe(100_000_000);
  });

  it("needs no cache round trip when no budget applies", async () => {
    const { call } = tracked();
    const result = await guard.reserve(call());
    if (!result.ok) throw new Error("refused without budgets");
    await guard.settle(result.reservation, 5);
    await guard.release(result.reservation);
  });
}

describe("BudgetGuard's budget cache", () => {
  it("serves stale budgets while it reloads them in the background after the TTL", async () => {
    const cache = createMemoryCache();
    const guard = createBudgetGuard({ sql, cache, logger, budgetsTtlMs: 1 });
    const { call, budget } = newTenant();
    expect((await guard.reserve(call())).ok).toBe(true);
    await budget({ scope: "tenant", limit_usd: 0 });
    // No invalidation here (another node changed it): the change shows once a reload finished.
    await waitFor("the reloaded budgets", async () => !(await guard.reserve(call())).ok);
    await cache.close();
  });
});

describe("BudgetGuard on the memory cache", () => guardSuite(async () => createMemoryCache()));

describe.skipIf(redisSkip !== undefined)("BudgetGuard on Redis", () =>
  guardSuite(
    () => openCache({ kind: "redis", url: services.redisUrl ?? "" }),
    // Counters live for weeks: leave nothing of these tenants behind in a shared Redis.
    async (tenantIds) => {
      const redis = new Redis(services.redisUrl ?? "");
      try {
        for (const tenantId of tenantIds) {
          for (const pattern of [
            `tributary:b:gateway:budget:{${tenantId}}:*`,
            `tributary:c:gateway:budget-alert:{${tenantId}}:*`,
          ]) {
            const keys = await redis.keys(pattern);
            if (keys.length > 0) await redis.del(...keys);
          }
        }
      } finally {
        await redis.quit();
      }
    },
  ),
);
