import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { testGate } from "../../testing/gate.js";
import { refreshingLru } from "./refreshing-lru.js";

/** A source whose reads can be held open, counting them; it answers `value` (null: none). */
function source(initial: string | null) {
  let value = initial;
  const gate = testGate();
  const state = {
    reads: 0,
    failNext: false,
    errors: [] as unknown[],
    set(next: string | null) {
      value = next;
    },
    hold: gate.hold,
    release: gate.release,
    async load(_key: string): Promise<string | null> {
      state.reads += 1;
      const answer = value;
      await gate.pass();
      if (state.failNext) {
        state.failNext = false;
        throw new Error("database unavailable");
      }
      return answer;
    },
  };
  return state;
}

function cacheOf(src: ReturnType<typeof source>, ttlMs = 300, refreshAfterMs = 100) {
  return refreshingLru<string, string>({
    max: 10,
    ttlMs,
    refreshAfterMs,
    load: (key) => src.load(key),
    onRefreshError: (error) => src.errors.push(error),
  });
}

describe("refreshingLru", () => {
  it("reads a missing value once for all the callers waiting on it", async () => {
    const src = source("active");
    const cache = cacheOf(src);
    src.hold();
    const waiting = Promise.all([cache.get("u1"), cache.get("u1"), cache.get("u1")]);
    src.release();
    expect(await waiting).toEqual(["active", "active", "active"]);
    expect(await cache.get("u1")).toBe("active");
    expect(src.reads).toBe(1);
  });

  it("answers from hand after refreshAfterMs and re-reads in the background, once", async () => {
    const src = source("active");
    const cache = cacheOf(src);
    await cache.get("u1");
    await sleep(130);
    src.set("suspended");
    src.hold();
    // The re-read is held open, yet callers are answered at once with the value in hand.
    expect(await Promise.all([cache.get("u1"), cache.get("u1")])).toEqual(["active", "active"]);
    expect(src.reads).toBe(2);
    src.release();
    await sleep(10);
    expect(await cache.get("u1")).toBe("suspended");
    expect(src.reads).toBe(2);
  });

  it("never answers with a value read more than ttlMs ago: past it, callers wait for the read", async () => {
    const src = source("active");
    const cache = cacheOf(src, 200, 50);
    await cache.get("u1");
    src.hold();
    src.set("suspended");
    await sleep(70);
    expect(await cache.get("u1")).toBe("active"); // starts the background read, which hangs
    await sleep(180);
    let answered: string | null | undefined;
    const late = cache.get("u1").then((value) => {
      answered = value;
    });
    await sleep(20);
    expect(answered).toBeUndefined();
    src.release();
    await late;
    expect(answered).toBe("suspended");
  });

  it("keeps the value in hand when a background read fails, and reports the failure", async () => {
    const src = source("active");
    const cache = cacheOf(src);
    await cache.get("u1");
    await sleep(130);
    src.failNext = true;
    expect(await cache.get("u1")).toBe("active");
    await sleep(10);
    expect(src.errors).toHaveLength(1);
    expect(await cache.get("u1")).toBe("active");
  });

  it("caches no null: a value the source no longer has is read again next time", async () => {
    const src = source("active");
    const cache = cacheOf(src);
    await cache.get("u1");
    await sleep(130);
    src.set(null);
    expect(await cache.get("u1")).toBe("active");
    await sleep(10);
    expect(await cache.get("u1")).toBeNull();
    expect(await cache.get("u1")).toBeNull();
    expect(src.reads).toBe(4);
  });

  it("does not keep what a read returns after delete() was called during it", async () => {
    const src = source("active");
    const cache = cacheOf(src);
    src.hold();
    const first = cache.get("u1");
    cache.delete("u1");
    src.set("suspended");
    src.release();
    expect(await first).toBe("active");
    expect(await cache.get("u1")).toBe("suspended");
    expect(src.reads).toBe(2);
  });

  it("deleteWhere drops the matching values held and keeps matching reads in flight from storing", async () => {
    const src = source("active");
    const cache = cacheOf(src, 60_000, 45_000);
    await cache.get("user-1|space-a");
    await cache.get("user-2|space-a");
    src.hold();
    const inFlight = cache.get("user-1|space-b");
    cache.deleteWhere((key) => key.startsWith("user-1|"));
    src.set("suspended");
    src.release();
    expect(await inFlight).toBe("active");
    expect(await cache.get("user-1|space-a")).toBe("suspended");
    expect(await cache.get("user-1|space-b")).toBe("suspended");
    expect(await cache.get("user-2|space-a")).toBe("active");
    expect(src.reads).toBe(5);
  });

  it("refuses a refresh point outside [0, ttlMs)", () => {
    const load = async () => null;
    const onRefreshError = () => {};
    expect(() => refreshingLru({ max: 1, ttlMs: 100, refreshAfterMs: 100, load, onRefreshError })).toThrow(
      RangeError,
    );
  });
});
