import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../../config/test-services.js";
import { type CacheStore, createMemoryCache, openCache } from "../../../platform/cache/index.js";
import { createKeyLimits, type KeyLimits } from "./key-limits.js";

const services = testServices();
const redisSkip = skipReason(services, "REDIS_URL");
if (redisSkip) console.warn(`[skip] KeyLimits on Redis: ${redisSkip}`);

function keyLimitsSuite(openStore: () => Promise<CacheStore>) {
  let cache: CacheStore;
  let limits: KeyLimits;
  beforeAll(async () => {
    cache = await openStore();
    limits = createKeyLimits(cache);
  });
  afterAll(async () => {
    await cache?.close();
  });

  it("allows the key's requests per minute, then refuses with a retry delay", async () => {
    const key = randomUUID();
    for (const remaining of [2, 1, 0]) {
      expect(await limits.checkRequest(key, 3)).toMatchObject({
        allowed: true,
        limit: 3,
        remaining,
        retryAfterMs: 0,
      });
    }
    const refused = await limits.checkRequest(key, 3);
    expect(refused).toMatchObject({ allowed: false, limit: 3, remaining: 0, tooLarge: false });
    expect(refused.retryAfterMs).toBeGreaterThan(15_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect(refused.resetMs).toBeGreaterThan(55_000);
    // Another key has its own bucket.
    expect((await limits.checkRequest(randomUUID(), 3)).allowed).toBe(true);
  });

  it("spends estimated tokens all or nothing, and flags a request larger than the whole limit", async () => {
    const key = randomUUID();
    expect(await limits.checkTokens(key, 1_000, 600)).toMatchObject({ allowed: true, remaining: 400 });
    const refused = await limits.checkTokens(key, 1_000, 500);
    expect(refused).toMatchObject({ allowed: false, remaining: 400, tooLarge: false });
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(await limits.checkTokens(key, 1_000, 1_001)).toMatchObject({
      allowed: false,
      tooLarge: true,
      remaining: 400,
    });
    // Fractional estimates round up.
    expect(await limits.checkTokens(key, 1_000, 399.2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("charges an under-estimate in full, into debt if need be", async () => {
    const key = randomUUID();
    await limits.checkTokens(key, 1_000, 100);
    expect(await limits.recordTokens(key, 1_000, 900, 100)).toMatchObject({ allowed: true, remaining: 100 });
    expect((await limits.checkTokens(key, 1_000, 200)).allowed).toBe(false);
    // 300 over the limit: the key waits that off before even a small call passes.
    expect(await limits.recordTokens(key, 1_000, 500, 100)).toMatchObject({ remaining: 0 });
    const inDebt = await limits.checkTokens(key, 1_000, 1);
    expect(inDebt.allowed).toBe(false);
    expect(inDebt.retryAfterMs).toBeGreaterThan(17_000);
  });

  it("refunds an over-estimate, never beyond a full bucket", async () => {
    const key = randomUUID();
    await limits.checkTokens(key, 1_000, 800);
    expect(await limits.recordTokens(key, 1_000, 100, 800)).toMatchObject({ remaining: 900 });
    // A failed call gives its whole estimate back.
    await limits.checkTokens(key, 1_000, 500);
    expect(await limits.recordTokens(key, 1_000, 0, 500)).toMatchObject({ remaining: 900 });
    expect(await limits.recordTokens(key, 1_000, 0, 5_000)).toMatchObject({ remaining: 1_000 });
  });

  it("rejects limits that are not positive integers and negative token counts", async () => {
    await expect(limits.checkRequest(randomUUID(), 0)).rejects.toThrow(RangeError);
    await expect(limits.checkTokens(randomUUID(), 1.5, 1)).rejects.toThrow(RangeError);
    await expect(limits.checkTokens(randomUUID(), 10, -1)).rejects.toThrow(RangeError);
  });
}

describe("KeyLimits on the memory cache", () => keyLimitsSuite(async () => createMemoryCache()));

describe.skipIf(redisSkip !== undefined)("KeyLimits on Redis", () =>
  keyLimitsSuite(() => openCache({ kind: "redis", url: services.redisUrl ?? "" })),
);
