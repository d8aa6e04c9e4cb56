import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openCache } from "./open-cache.js";
import type { CacheStore } from "./port.js";

const services = testServices();
const redisSkip = skipReason(services, "REDIS_URL");
if (redisSkip) console.warn(`[skip] Cache contract on Redis: ${redisSkip}`);
const redisUrl = services.redisUrl ?? "";

// Every key and limiter name carries this run's prefix, so runs sharing one Redis never collide.
const run = `t${randomBytes(5).toString("hex")}`;
let counter = 0;
const unique = (label: string) => `${run}-${label}-${counter++}`;

async function waitUntil(done: () => boolean, timeoutMs = 2_000): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > timeoutMs) throw new Error("timed out waiting");
    await sleep(10);
  }
}

function cacheContract(open: () => Promise<CacheStore>) {
  let cache: CacheStore;
  beforeAll(async () => {
    cache = await open();
  });
  afterAll(async () => {
    await cache?.close();
  });

  it("pings", async () => {
    await cache.ping();
  });

  it("stores values until their TTL passes", async () => {
    const key = unique("ttl");
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, "v1", 150);
    expect(await cache.get(key)).toBe("v1");
    await cache.set(key, "v2", 150);
    expect(await cache.get(key)).toBe("v2");
    await sleep(300);
    expect(await cache.get(key)).toBeNull();
  });

  it("delivers broadcasts to the channel's listeners, its own included, until they stop", async () => {
    const channel = unique("channel");
    const [heard, other] = [[] as string[], [] as string[]];
    const stop = await cache.listen(channel, (message) => heard.push(message));
    const stopOther = await cache.listen(unique("channel"), (message) => other.push(message));
    await cache.broadcast(channel, "first");
    await waitUntil(() => heard.length === 1);
    await stop();
    await cache.broadcast(channel, "second");
    await sleep(100);
    expect(heard).toEqual(["first"]);
    expect(other).toEqual([]);
    await stopOther();
  });

  it("deletes values, and deleting a missing key is harmless", async () => {
    const key = unique("delete");
    await cache.set(key, "v", 60_000);
    await cache.delete(key);
    expect(await cache.get(key)).toBeNull();
    await cache.delete(key);
  });

  it("lets exactly one of 50 concurrent setIfAbsent callers win", async () => {
    const key = unique("lock");
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => cache.setIfAbsent(key, `c${i}`, 60_000)),
    );
    const winners = results.flatMap((won, i) => (won ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await cache.get(key)).toBe(`c${winners[0]}`);
  });

  it("frees a setIfAbsent key when its TTL passes", async () => {
    const key = unique("lock-expiry");
    expect(await cache.setIfAbsent(key, "a", 100)).toBe(true);
    expect(await cache.setIfAbsent(key, "b", 100)).toBe(false);
    await sleep(250);
    expect(await cache.setIfAbsent(key, "c", 100)).toBe(true);
  });

  it("replaces a value only while it is still the expected one, and never an absent one", async () => {
    const key = unique("replace-if");
    expect(await cache.replaceIf(key, "v1", "v2", 60_000)).toBe(false);
    expect(await cache.get(key)).toBeNull();
    await cache.set(key, "v1", 150);
    expect(await cache.replaceIf(key, "v0", "v2", 60_000)).toBe(false);
    expect(await cache.get(key)).toBe("v1");
    // Replaced with the new TTL: it outlives the 150 ms the first value had.
    expect(await cache.replaceIf(key, "v1", "v2", 60_000)).toBe(true);
    await sleep(300);
    expect(await cache.get(key)).toBe("v2");
    const racers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cache.replaceIf(key, "v2", `r${i}`, 60_000)),
    );
    expect(racers.filter(Boolean)).toHaveLength(1);
  });

  it("counts exactly under 100 concurrent increments", async () => {
    const key = unique("counter");
    const totals = await Promise.all(Array.from({ length: 100 }, () => cache.increment(key, 1, 60_000)));
    expect([...totals].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await cache.increment(key, -30, 60_000)).toBe(70);
    expect(await cache.get(key)).toBe("70");
  });

  it("applies an increment's TTL only when the counter is created", async () => {
    const key = unique("counter-ttl");
    expect(await cache.increment(key, 5, 150)).toBe(5);
    expect(await cache.increment(key, 2, 60_000)).toBe(7);
    await sleep(300);
    expect(await cache.get(key)).toBeNull();
    expect(await cache.increment(key, 1, 60_000)).toBe(1);
  });

  describe("rate limiter", () => {
    it("allows exactly the burst at once, then refuses with a sensible retry delay", async () => {
      const limiter = cache.rateLimiter({ name: unique("burst"), limit: 5, windowMs: 60_000 });
      for (let remaining = 4; remaining >= 0; remaining--) {
        expect(await limiter.consume("k")).toMatchObject({
          allowed: true,
          limit: 5,
          remaining,
          retryAfterMs: 0,
        });
      }
      const refused = await limiter.consume("k");
      expect(refused).toMatchObject({ allowed: false, limit: 5, remaining: 0 });
      // One unit refills every 12 s; only a little of that has passed.
      expect(refused.retryAfterMs).toBeGreaterThan(10_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(12_000);
      expect(refused.resetMs).toBeGreaterThan(50_000);
      expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    });

    it("honours a burst smaller than the limit and refills over time", async () => {
      const limiter = cache.rateLimiter({ name: unique("refill"), limit: 10, windowMs: 1_000, burst: 2 });
      expect((await limiter.consume("k")).allowed).toBe(true);
      expect((await limiter.consume("k")).allowed).toBe(true);
      const refused = await limiter.consume("k");
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
      await sleep(refused.retryAfterMs + 30);
      expect((await limiter.consume("k")).allowed).toBe(true);
      await sleep(250);
      expect(await limiter.consume("k")).toMatchObject({ allowed: true, remaining: 1 });
    });

    it("keeps keys and limiter names independent", async () => {
      const name = unique("independent");
      const limiter = cache.rateLimiter({ name, limit: 1, windowMs: 60_000 });
      expect((await limiter.consume("a")).allowed).toBe(true);
      expect((await limiter.consume("a")).allowed).toBe(false);
      expect((await limiter.consume("b")).allowed).toBe(true);
      const other = cache.rateLimiter({ name: unique("independent"), limit: 1, windowMs: 60_000 });
      expect((await other.consume("a")).allowed).toBe(true);
    });

    it("spends costs above one all or nothing", async () => {
      const limiter = cache.rateLimiter({ name: unique("cost"), limit: 10, windowMs: 60_000 });
      expect(await limiter.consume("k", 4)).toMatchObject({ allowed: true, remaining: 6 });
      const refused = await limiter.consume("k", 7);
      expect(refused).toMatchObject({ allowed: false, remaining: 6 });
      expect(refused.retryAfterMs).toBeGreaterThan(5_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(6_000);
      expect(await limiter.consume("k", 6)).toMatchObject({ allowed: true, remaining: 0 });
      expect((await limiter.consume("k")).allowed).toBe(false);
      await expect(limiter.consume("k", 11)).rejects.toThrow(RangeError);
      await expect(limiter.consume("k", 1.5)).rejects.toThrow(RangeError);
    });

    it("allows exactly 50 of 200 concurrent consumes on a limit-50 bucket", async () => {
      const limiter = cache.rateLimiter({ name: unique("exact"), limit: 50, windowMs: 60_000 });
      const decisions = await Promise.all(Array.from({ length: 200 }, () => limiter.consume("k")));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(50);
      expect(
        decisions
          .filter((d) => d.allowed)
          .map((d) => d.remaining)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });

    it("charges work known afterwards into debt, and refunds never beyond a full bucket", async () => {
      const limiter = cache.rateLimiter({ name: unique("adjust"), limit: 10, windowMs: 60_000 });
      expect(await limiter.consume("k", 4)).toMatchObject({ allowed: true, remaining: 6 });
      // The call used 14 units, not 4: the 10 extra leave the bucket 4 in debt.
      const charged = await limiter.adjust("k", 10);
      expect(charged).toMatchObject({ allowed: true, remaining: 0 });
      expect(charged.retryAfterMs).toBeGreaterThan(4 * 6_000);
      expect((await limiter.consume("k")).allowed).toBe(false);
      expect((await limiter.consume("k")).remaining).toBe(0);
      // Refunding 9 of them repays the debt and leaves 5 units.
      expect(await limiter.adjust("k", -9)).toMatchObject({ allowed: true, remaining: 5, retryAfterMs: 0 });
      // A refund larger than what was spent fills the bucket, never more.
      expect(await limiter.adjust("k", -1_000)).toMatchObject({ remaining: 10, retryAfterMs: 0 });
      expect(await limiter.consume("k", 10)).toMatchObject({ allowed: true, remaining: 0 });
      await expect(limiter.adjust("k", 0.5)).rejects.toThrow(RangeError);
    });

    it("rejects invalid options", () => {
      expect(() => cache.rateLimiter({ name: "bad name", limit: 5, windowMs: 1_000 })).toThrow(RangeError);
      expect(() => cache.rateLimiter({ name: unique("bad"), limit: 0, windowMs: 1_000 })).toThrow(RangeError);
    });
  });
  describe("reservation counters", () => {
    it("seeds a counter once: the first of 50 concurrent seeders wins", async () => {
      const key = unique("seed");
      const wins = await Promise.all(
        Array.from({ length: 50 }, (_, i) => cache.reservations.seed(key, 100 + i, 60_000)),
      );
      const winner = wins.findIndex(Boolean);
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await cache.reservations.read([key, unique("absent")])).toEqual([100 + winner, null]);
    });

    it("reports missing counters and adds nothing until they are seeded", async () => {
      const [seeded, absent] = [unique("present"), unique("missing")];
      await cache.reservations.seed(seeded, 5, 60_000);
      expect(
        await cache.reservations.reserve(
          [
            { key: seeded, limit: 100 },
            { key: absent, limit: null },
          ],
          10,
        ),
      ).toEqual({ status: "missing", missing: [1] });
      expect(await cache.reservations.read([seeded, absent])).toEqual([5, null]);
    });

    it("admits exactly 10 of 50 concurrent reservations of 10 against a cap of 100", async () => {
      const key = unique("cap");
      await cache.reservations.seed(key, 0, 60_000);
      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => cache.reservations.reserve([{ key, limit: 100 }], 10)),
      );
      const reserved = outcomes.flatMap((o) => (o.status === "reserved" ? [o.totals[0]] : []));
      expect([...reserved].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([
        10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
      ]);
      expect(outcomes.filter((o) => o.status === "refused")).toHaveLength(40);
      expect(await cache.reservations.read([key])).toEqual([100]);
    });

    it("reserves all or nothing across counters; uncapped ones count without refusing", async () => {
      const [tight, roomy, uncapped] = [unique("tight"), unique("roomy"), unique("uncapped")];
      await cache.reservations.seed(tight, 95, 60_000);
      await cache.reservations.seed(roomy, 0, 60_000);
      await cache.reservations.seed(uncapped, 1_000, 60_000);
      const counters = [
        { key: roomy, limit: 1_000 },
        { key: tight, limit: 100 },
        { key: uncapped, limit: null },
      ];
      expect(await cache.reservations.reserve(counters, 10)).toEqual({
        status: "refused",
        index: 1,
        totals: [0, 95, 1_000],
      });
      expect(await cache.reservations.reserve(counters, 5)).toEqual({
        status: "reserved",
        totals: [5, 100, 1_005],
      });
      expect(await cache.reservations.reserve(counters, 0)).toMatchObject({ status: "reserved" });
      expect(await cache.reservations.read([roomy, tight, uncapped])).toEqual([5, 100, 1_005]);
    });

    it("adjusts existing counters up and down and leaves missing ones missing", async () => {
      const [key, absent] = [unique("adjust-counter"), unique("adjust-missing")];
      await cache.reservations.seed(key, 50, 60_000);
      expect(await cache.reservations.adjust([key, absent], -20)).toEqual([30, null]);
      expect(await cache.reservations.adjust([key], 7)).toEqual([37]);
      expect(await cache.reservations.read([key, absent])).toEqual([37, null]);
      expect(await cache.reservations.adjust([], 1)).toEqual([]);
    });

    it("expires a counter after its seed TTL, keeping the TTL through reservations", async () => {
      const key = unique("counter-expiry");
      await cache.reservations.seed(key, 0, 150);
      expect((await cache.reservations.reserve([{ key, limit: 10 }], 3)).status).toBe("reserved");
      await sleep(300);
      expect(await cache.reservations.read([key])).toEqual([null]);
      expect(await cache.reservations.seed(key, 1, 60_000)).toBe(true);
    });

    it("rejects amounts and limits that are not safe integers", async () => {
      const key = unique("invalid");
      await cache.reservations.seed(key, 0, 60_000);
      await expect(cache.reservations.reserve([{ key, limit: 10 }], 1.5)).rejects.toThrow(RangeError);
      await expect(cache.reservations.reserve([{ key, limit: 10 }], -1)).rejects.toThrow(RangeError);
      await expect(cache.reservations.reserve([{ key, limit: 0.5 }], 1)).rejects.toThrow(RangeError);
      await expect(cache.reservations.reserve([], 1)).rejects.toThrow(RangeError);
      await expect(cache.reservations.seed(key, 1.5, 60_000)).rejects.toThrow(RangeError);
      await expect(cache.reservations.adjust([key], 0.5)).rejects.toThrow(RangeError);
    });

    it("keeps reservation counters apart from plain values", async () => {
      const key = unique("apart");
      await cache.set(key, "plain", 60_000);
      await cache.reservations.seed(key, 9, 60_000);
      expect(await cache.get(key)).toBe("plain");
      expect(await cache.reservations.read([key])).toEqual([9]);
    });
  });
}

describe.runIf(services.lane === "embedded")("Cache contract: memory", () => {
  cacheContract(() => openCache({ kind: "memory" }));

  it("reaches every node only when this process is the whole deployment", async () => {
    const perNode = await openCache({ kind: "memory" });
    const sole = await openCache({ kind: "memory" }, { soleProcess: true });
    expect([perNode.reachesEveryNode, sole.reachesEveryNode]).toEqual([false, true]);
    await Promise.all([perNode.close(), sole.close()]);
  });
});

describe.skipIf(redisSkip !== undefined)("Cache contract: Redis", () => {
  cacheContract(() => openCache({ kind: "redis", url: redisUrl }));

  it("reaches every node", async () => {
    const cache = await openCache({ kind: "redis", url: redisUrl });
    expect(cache.reachesEveryNode).toBe(true);
    await cache.close();
  });

  describe("across nodes", () => {
    let nodeA: CacheStore;
    let nodeB: CacheStore;
    let raw: Redis;
    beforeAll(async () => {
      [nodeA, nodeB] = await Promise.all([
        openCache({ kind: "redis", url: redisUrl }),
        openCache({ kind: "redis", url: redisUrl }),
      ]);
      raw = new Redis(redisUrl);
    });
    afterAll(async () => {
      await Promise.all([nodeA?.close(), nodeB?.close(), raw?.quit()]);
    });

    it("delivers a broadcast from one node to the listeners of another", async () => {
      const channel = unique("nodes");
      const heard: string[] = [];
      const stop = await nodeB.listen(channel, (message) => heard.push(message));
      await nodeA.broadcast(channel, JSON.stringify({ kind: "space", spaceId: "s1" }));
      await waitUntil(() => heard.length === 1);
      expect(heard).toEqual(['{"kind":"space","spaceId":"s1"}']);
      await stop();
    });

    it("shares one limit exactly between two connections", async () => {
      const options = { name: unique("nodes"), limit: 40, windowMs: 60_000 };
      const [onA, onB] = [nodeA.rateLimiter(options), nodeB.rateLimiter(options)];
      const decisions = await Promise.all(
        Array.from({ length: 160 }, (_, i) => (i % 2 ? onA : onB).consume("shared")),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(40);
    });

    it("shares counters and locks between two connections", async () => {
      const key = unique("nodes-counter");
      const totals = await Promise.all(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? nodeA : nodeB).increment(key, 1, 60_000)),
      );
      expect(Math.max(...totals)).toBe(60);
      const lock = unique("nodes-lock");
      const wins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? nodeA : nodeB).setIfAbsent(lock, "x", 60_000)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });

    it("shares one reservation cap exactly between two connections", async () => {
      const key = `{${unique("tenant")}}:budget`;
      await Promise.all([nodeA.reservations.seed(key, 0, 60_000), nodeB.reservations.seed(key, 0, 60_000)]);
      const outcomes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (i % 2 ? nodeA : nodeB).reservations.reserve([{ key, limit: 100 }], 10),
        ),
      );
      expect(outcomes.filter((o) => o.status === "reserved")).toHaveLength(10);
      expect(await raw.get(`tributary:b:${key}`)).toBe("100");
      const ttl = await raw.pttl(`tributary:b:${key}`);
      expect(ttl).toBeGreaterThan(50_000);
    });

    it("namespaces keys and gives rate-limit buckets a TTL", async () => {
      const key = unique("namespace");
      await nodeA.set(key, "v", 60_000);
      expect(await raw.get(`tributary:c:${key}`)).toBe("v");
      const name = unique("namespace");
      await nodeA.rateLimiter({ name, limit: 10, windowMs: 1_000 }).consume("k", 3);
      const ttl = await raw.pttl(`tributary:rl:${name}:k`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
    });
  });

  it("fails fast with a clear error when Redis is unreachable", async () => {
    await expect(openCache({ kind: "redis", url: "redis://:hunter2@127.0.0.1:1" })).rejects.toThrow(
      /cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/,
    );
  });
});
