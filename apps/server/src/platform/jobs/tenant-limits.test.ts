import { describe, expect, it } from "vitest";
import { createLogger } from "../telemetry/logger.js";
import { TenantLimits, tenantLimitTtlMs } from "./tenant-limits.js";

const logger = createLogger("silent");

function limitsWith(answers: Record<string, number | undefined>) {
  let clock = 1_000_000;
  const asked: string[] = [];
  const limits = new TenantLimits(
    async (tenantId) => {
      asked.push(tenantId);
      return answers[tenantId];
    },
    4,
    logger,
    () => clock,
  );
  return {
    limits,
    asked,
    advance(ms: number) {
      clock += ms;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("TenantLimits", () => {
  it("knows no tenant until one of its jobs is claimed, then resolves it once", async () => {
    const { limits, asked } = limitsWith({ tenant_a: 1, tenant_b: 7 });
    expect(limits.current().size).toBe(0);
    expect(await limits.learn(["tenant_a", "tenant_b", "tenant_a", null])).toBe(true);
    expect(Object.fromEntries(limits.current())).toEqual({ tenant_a: 1, tenant_b: 7 });
    expect(await limits.learn(["tenant_a", "tenant_b"])).toBe(false);
    expect(asked.sort()).toEqual(["tenant_a", "tenant_b"]);
  });

  it("says nothing new was learnt when the only new limit is the one unresolved tenants already have", async () => {
    const { limits } = limitsWith({ tenant_a: 1 });
    expect(await limits.learn(["tenant_a"])).toBe(false);
  });

  it("uses the fallback for answers that are not positive integers", async () => {
    const { limits } = limitsWith({ zero: 0, negative: -2, fraction: 1.5, missing: undefined });
    await limits.learn(["zero", "negative", "fraction", "missing"]);
    expect([...limits.current().values()]).toEqual([4, 4, 4, 4]);
  });

  it("keeps using a stale limit while it is refreshed in the background", async () => {
    const answers: Record<string, number> = { tenant_a: 2 };
    const { limits, asked, advance } = limitsWith(answers);
    await limits.learn(["tenant_a"]);
    answers.tenant_a = 5;
    advance(tenantLimitTtlMs - 1);
    expect(limits.current().get("tenant_a")).toBe(2);
    expect(asked).toHaveLength(1);
    advance(2);
    expect(limits.current().get("tenant_a")).toBe(2);
    await settle();
    expect(limits.current().get("tenant_a")).toBe(5);
    expect(asked).toHaveLength(2);
  });

  it("forgets tenants none of whose jobs was claimed for ten minutes", async () => {
    const { limits, advance } = limitsWith({ tenant_a: 2, tenant_b: 3 });
    await limits.learn(["tenant_a", "tenant_b"]);
    advance(6 * 60_000);
    await limits.learn(["tenant_b"]);
    advance(5 * 60_000);
    expect([...limits.current().keys()]).toEqual(["tenant_b"]);
  });
});
