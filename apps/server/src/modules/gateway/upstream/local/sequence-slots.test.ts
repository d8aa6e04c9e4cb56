import { describe, expect, it } from "vitest";
import { UpstreamFailure } from "../upstream-failure.js";
import { SequenceSlots } from "./sequence-slots.js";

describe("SequenceSlots", () => {
  it("hands slots out up to its size, then in arrival order as they are released", async () => {
    const slots = new SequenceSlots(2);
    const first = await slots.acquire(undefined, 1_000, "m");
    const second = await slots.acquire(undefined, 1_000, "m");
    const order: string[] = [];
    const third = slots.acquire(undefined, 1_000, "m").then((release) => {
      order.push("third");
      return release;
    });
    const fourth = slots.acquire(undefined, 1_000, "m").then((release) => {
      order.push("fourth");
      return release;
    });
    expect(slots.waiting).toBe(2);
    first();
    first(); // a second release of the same slot changes nothing
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(["third", "fourth"]);
    expect(slots.waiting).toBe(0);
    // Every slot is free again.
    await Promise.all([slots.acquire(undefined, 10, "m"), slots.acquire(undefined, 10, "m")]);
  });

  it("lets a cancelled waiter leave the queue", async () => {
    const slots = new SequenceSlots(1);
    const held = await slots.acquire(undefined, 1_000, "m");
    const caller = new AbortController();
    const waiting = slots.acquire(caller.signal, 1_000, "m");
    caller.abort(new Error("gone"));
    await expect(waiting).rejects.toThrow("gone");
    expect(slots.waiting).toBe(0);
    held();
    await slots.acquire(undefined, 10, "m");
  });

  it("times a waiter out with a retryable failure, and refuses all on disposal", async () => {
    const slots = new SequenceSlots(1);
    await slots.acquire(undefined, 1_000, "m");
    const late = await slots.acquire(undefined, 20, "tiny.gguf").catch((error: unknown) => error);
    expect(late).toBeInstanceOf(UpstreamFailure);
    expect((late as UpstreamFailure).failureClass).toBe("timeout");
    expect((late as UpstreamFailure).message).toContain("tiny.gguf");
    const waiting = slots.acquire(undefined, 1_000, "m");
    slots.refuseAll(new Error("closing"));
    await expect(waiting).rejects.toThrow("closing");
  });
});
