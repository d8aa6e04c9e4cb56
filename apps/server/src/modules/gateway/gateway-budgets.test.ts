import Anthropic from "@anthropic-ai/sdk";
import type { BudgetAlertEventData } from "@tributary/contracts";
import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../../testing/wait-for.js";
import { waitForUsageRows } from "../usage/testing/usage-rows.js";
import { budgetAlertEventType } from "./budgets/budget-alerts.js";
import {
  createGatewayKey,
  type GatewayTestBed,
  startGatewayTestBed,
} from "./testing/gateway-test-instance.js";

let bed: GatewayTestBed;

/**
 * $1 000 per million output tokens and free input: a call capped at 10 output tokens is estimated
 * at exactly $0.01, and the fake's echo ("You said: …", truncated at 10 tokens) costs exactly that,
 * so a $0.10 budget holds exactly 10 calls whatever the order they settle in.
 */
const meteredModel = {
  name: "fake-metered",
  prices: { input: 0, output: 1_000 },
  capabilities: ["streaming"],
};
const callCostUsd = 0.01;
const budgetUsd = 0.1;
const request = {
  model: "fake-metered",
  max_tokens: 10,
  messages: [{ role: "user" as const, content: "Count from one to twenty, one number per word please" }],
};

async function keyWithBudget(mode: "hard" | "soft") {
  const { owner, key } = await createGatewayKey(bed, { budget_daily_usd: budgetUsd, budget_mode: mode });
  const tenantId = owner.user.personal_tenant_id;
  if (!tenantId) throw new Error("no personal tenant");
  return {
    tenantId,
    key,
    openai: new OpenAI({ apiKey: key.secret, baseURL: `${bed.origin}/v1`, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: key.secret, baseURL: bed.origin, maxRetries: 0 }),
  };
}

/** Fires `count` calls at once; each settles to its completion or its error. */
function concurrently(openai: OpenAI, count: number) {
  return Promise.allSettled(
    Array.from({ length: count }, () => openai.chat.completions.create(request).withResponse()),
  );
}

async function alertsOf(tenantId: string) {
  return bed.instance.resources.sql.withTenant(tenantId, (tx) =>
    tx.query<{ data: BudgetAlertEventData }>(
      "SELECT data FROM outbox_events WHERE event_type = $1 ORDER BY position",
      [budgetAlertEventType],
    ),
  );
}

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

beforeAll(async () => {
  bed = await startGatewayTestBed({}, { openai: [meteredModel] });
});
afterAll(async () => {
  await bed?.close();
});
beforeEach(() => bed.fake.reset());

describe("a hard budget", () => {
  it("admits 10 of 50 concurrent calls that it can pay for, and never spends more", async () => {
    const caller = await keyWithBudget("hard");
    const results = await concurrently(caller.openai, 50);

    const served = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(served).toHaveLength(10);
    for (const { value } of served) {
      expect(value.data.usage?.completion_tokens).toBe(10);
      expect(Number(value.response.headers.get("x-tributary-overhead-ms"))).toBeGreaterThanOrEqual(0);
    }
    expect(refused).toHaveLength(40);
    for (const error of refused) {
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect(error).toMatchObject({ status: 429, code: "budget_exceeded", type: "insufficient_quota" });
      // A spent budget does not come back by retrying: the SDKs are told not to.
      expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get("x-should-retry")).toBe("false");
    }
    // Only the admitted calls reached the provider.
    expect(bed.fake.requests.filter((r) => r.path === "/v1/chat/completions")).toHaveLength(10);

    const rows = await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 50);
    const billed = rows.filter((row) => row.status === "success");
    expect(billed).toHaveLength(10);
    expect(billed.every((row) => row.cost_usd === callCostUsd)).toBe(true);
    expect(sumOf(rows.map((row) => row.cost_usd))).toBeLessThanOrEqual(budgetUsd + 1e-12);
    const refusals = rows.filter((row) => row.status === "error");
    expect(refusals).toHaveLength(40);
    expect(refusals.every((row) => row.error_code === "budget_exceeded" && row.cost_usd === 0)).toBe(true);
  });

  it("refuses Anthropic clients in their own error shape once spent", async () => {
    const caller = await keyWithBudget("hard");
    await concurrently(caller.openai, 12);
    const refused = await caller.anthropic.messages
      .create({ ...request, max_tokens: 10 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Anthropic.RateLimitError);
    expect(refused).toMatchObject({
      status: 429,
      error: { type: "error", error: { type: "rate_limit_error" } },
    });
    expect((refused as Error).message).toMatch(/budget/);
  });
});

describe("a soft budget", () => {
  it("lets every call through and raises one budget alert per threshold and period", async () => {
    const caller = await keyWithBudget("soft");
    const results = await concurrently(caller.openai, 50);
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);

    const rows = await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 50);
    expect(sumOf(rows.map((row) => row.cost_usd))).toBeCloseTo(50 * callCostUsd, 10);
    await waitFor("both alerts", async () => (await alertsOf(caller.tenantId)).length >= 2);
    // More spending in the same period raises nothing new.
    await concurrently(caller.openai, 5);
    await waitForUsageRows(bed.instance.resources.sql, caller.tenantId, 55);
    const alerts = await alertsOf(caller.tenantId);
    expect(alerts.map((a) => a.data.threshold).sort()).toEqual([0.8, 1]);
    for (const { data } of alerts) {
      expect(data).toMatchObject({
        scope: "api_key",
        scope_id: caller.key.id,
        period: "day",
        mode: "soft",
        limit_usd: budgetUsd,
      });
      expect(data.spent_usd).toBeGreaterThanOrEqual(data.threshold * budgetUsd - 1e-9);
    }
  });
});
