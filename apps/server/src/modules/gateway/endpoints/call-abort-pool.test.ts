import { describe, expect, it } from "vitest";
import { CallAbortPool } from "./call-abort-pool.js";

describe("CallAbortPool", () => {
  it("hands a returned controller out again once nothing listens to it", () => {
    const pool = new CallAbortPool();
    const first = pool.acquire();
    const listener = () => {};
    first.signal.addEventListener("abort", listener);
    first.signal.removeEventListener("abort", listener);
    pool.release(first);
    expect(pool.acquire()).toBe(first);
  });

  it("never hands out an aborted controller", () => {
    const pool = new CallAbortPool();
    const aborted = pool.acquire();
    aborted.abort();
    pool.release(aborted);
    const next = pool.acquire();
    expect(next).not.toBe(aborted);
    expect(next.signal.aborted).toBe(false);
  });

  it("never hands out a controller that is still listened to, keeps it for later, and drops it if the listener stays", () => {
    const pool = new CallAbortPool();
    const listened = pool.acquire();
    let calls = 0;
    const listener = () => {
      calls += 1;
    };
    listened.signal.addEventListener("abort", listener);
    pool.release(listened);
    const next = pool.acquire();
    expect(next).not.toBe(listened);
    next.abort();
    expect(calls).toBe(0);
    expect(pool.size).toBe(1);
    // Its listener goes (undici removes its own a tick after the body ends): the next call gets it.
    listened.signal.removeEventListener("abort", listener);
    expect(pool.acquire()).toBe(listened);

    const stuck = new AbortController();
    stuck.signal.addEventListener("abort", listener);
    pool.release(stuck);
    for (let look = 0; look < 70; look++) expect(pool.acquire()).not.toBe(stuck);
    expect(pool.size).toBe(0);
  });

  it("skips one with an onabort handler, and keeps no more than its capacity", () => {
    const pool = new CallAbortPool(2);
    const handled = new AbortController();
    handled.signal.onabort = () => {};
    pool.release(handled);
    expect(pool.acquire()).not.toBe(handled);
    for (const controller of [new AbortController(), new AbortController(), new AbortController()]) {
      pool.release(controller);
    }
    expect(pool.size).toBe(2);
  });
});
