import { LRUCache } from "lru-cache";
import { afterEach, describe, expect, it, vi } from "vitest";
import { expiringLru } from "./expiring-lru.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("expiringLru", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("expires entries after the cache's TTL and after a TTL given per entry", async () => {
    const cache = expiringLru<string, string>({ max: 10, ttl: 30 });
    cache.set("default", "a");
    cache.set("longer", "b", { ttl: 10_000 });
    expect(cache.get("default")).toBe("a");
    await sleep(60);
    expect(cache.get("default")).toBeUndefined();
    expect(cache.get("longer")).toBe("b");

    const perEntry = expiringLru<string, number>({ max: 10 });
    perEntry.set("short", 1, { ttl: 20 });
    perEntry.set("forever", 2);
    await sleep(50);
    expect(perEntry.get("short")).toBeUndefined();
    expect(perEntry.get("forever")).toBe(2);
  });

  it("arms no timer when it reads or writes entries that expire", () => {
    const timers = vi.spyOn(globalThis, "setTimeout");
    const cache = expiringLru<string, number>({ max: 10, ttl: 60_000 });
    for (let i = 0; i < 100; i++) {
      cache.set(`key-${i % 5}`, i, { ttl: 60_000 });
      cache.get(`key-${i % 3}`);
      cache.has(`key-${i % 4}`);
    }
    expect(timers).not.toHaveBeenCalled();
  });

  it("is needed: a plain lru-cache with a TTL arms a timer when it reads the clock", () => {
    const timers = vi.spyOn(globalThis, "setTimeout");
    const plain = new LRUCache<string, number>({ max: 10, ttl: 60_000 });
    plain.set("key", 1);
    plain.get("key");
    expect(timers).toHaveBeenCalled();
  });
});
