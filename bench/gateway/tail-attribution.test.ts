import { describe, expect, it } from "vitest";
import type { TaggedTiming } from "../lib/fixed-rate.js";
import { attributeTail, type StageReading } from "./tail-attribution.js";

/** A call sent at `at` ms taking `inbound`, `inside` and `outbound` ms, `overhead` of it the gateway's. */
function call(tag: number, at: number, inbound: number, inside: number, outbound: number, overhead: number) {
  const client: TaggedTiming = [tag, at, at + inbound + inside + outbound, overhead];
  const server = [tag, at + inbound, at + inbound + inside] as const;
  return { client, server };
}

describe("attributeTail", () => {
  it("says what the slowest calls overlapped and where their time went", () => {
    const calls = [
      // 97 quick calls, 1 ms apart from t = 1000.
      ...Array.from({ length: 97 }, (_, i) => call(i + 1, 1000 + i, 0.1, 0.5, 0.1, 0.2)),
      call(98, 2000, 3, 1, 0.1, 0.3), // waited to get in, during a GC pause
      call(99, 3000, 0.1, 6, 0.1, 0.4), // slow inside, during a usage write
      call(100, 4000, 0.1, 0.6, 9, 0.2), // slow on the way back, nothing overlapping
    ];
    const server: StageReading = {
      calls: calls.map((entry) => entry.server),
      gc: [[2001, 2002.5]],
      usageWrites: [[2990, 3001]],
    };
    const tail = attributeTail(
      calls.map((entry) => entry.client),
      server,
      [0.01, 0.03],
    );
    expect(tail?.calls).toBe(100);
    expect(tail?.overlapping).toEqual({ gc: 1, usageWrite: 1, neither: 98 });
    const [one, three] = tail?.slowest ?? [];
    expect(one).toMatchObject({ share: 0.01, count: 1, overlapping: { gc: 0, usageWrite: 0, neither: 1 } });
    expect(one?.fromMs).toBeCloseTo(9.7);
    expect(one?.stages.outbound).toBeCloseTo(9);
    expect(three?.count).toBe(3);
    expect(three?.overlapping).toEqual({ gc: 1, usageWrite: 1, neither: 1 });
    expect(three?.fromMs).toBeCloseTo(4.1);
    expect(three?.stages.inbound).toBeCloseTo((3 + 0.1 + 0.1) / 3);
    expect(three?.stages.gateway).toBeCloseTo((0.3 + 0.4 + 0.2) / 3);
    expect(three?.stages.upstream).toBeCloseTo((0.7 + 5.6 + 0.4) / 3);
  });

  it("ignores calls the server did not report, and has nothing to say without any", () => {
    const quick = call(1, 0, 0.1, 0.5, 0.1, Number.NaN);
    const empty: StageReading = { calls: [], gc: [], usageWrites: [] };
    expect(attributeTail([quick.client], empty)).toBeNull();
    const tail = attributeTail([quick.client, call(2, 5, 1, 1, 1, 0.1).client], {
      ...empty,
      calls: [quick.server],
    });
    expect(tail?.calls).toBe(1);
    // Without the overhead header, all of the time inside counts as the upstream's.
    expect(tail?.slowest[0]?.stages).toMatchObject({ gateway: 0 });
    expect(tail?.slowest[0]?.stages.upstream).toBeCloseTo(0.5);
  });
});
