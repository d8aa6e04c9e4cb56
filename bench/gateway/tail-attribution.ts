import type { TaggedTiming } from "../lib/fixed-rate.js";

/** What stage-probe.mjs saw in Tributary's process (BENCH_GATEWAY_STAGES=1); CLOCK_MONOTONIC ms. */
export interface StageReading {
  /** [tag, received by the server, response handed to the kernel] per finished call. */
  readonly calls: ReadonlyArray<readonly [number, number, number]>;
  readonly gc: ReadonlyArray<readonly [number, number]>;
  readonly usageWrites: ReadonlyArray<readonly [number, number]>;
}

/** What a call's time overlapped: a main-thread GC pause, else a usage-record write, else neither. */
export type Overlap = "gc" | "usageWrite" | "neither";

/** Mean milliseconds of a group of calls in each stage. */
export interface StageMeans {
  /** Written by the load generator → handed to Tributary's server. */
  readonly inbound: number;
  /** Tributary's own time (X-Tributary-Overhead-Ms). */
  readonly gateway: number;
  /** The rest of the time inside Tributary: the upstream call, and waiting around it. */
  readonly upstream: number;
  /** Handed to the kernel → last byte read by the load generator (can be below 0: see below). */
  readonly outbound: number;
}

export interface SlowestCalls {
  readonly share: number;
  readonly count: number;
  /** The fastest of them (ms). */
  readonly fromMs: number;
  readonly overlapping: Readonly<Record<Overlap, number>>;
  readonly stages: StageMeans;
}

export interface TailAttribution {
  /** Calls whose client and server timings matched. */
  readonly calls: number;
  readonly overlapping: Readonly<Record<Overlap, number>>;
  /** The slowest 1% and 5% of the calls. */
  readonly slowest: readonly SlowestCalls[];
}

interface Call {
  readonly latency: number;
  readonly overlap: Overlap;
  readonly stages: StageMeans;
}

function overlaps(spans: StageReading["gc"], from: number, to: number): boolean {
  return spans.some(([start, end]) => start < to && end > from);
}

function emptyCounts(): Record<Overlap, number> {
  return { gc: 0, usageWrite: 0, neither: 0 };
}

function mean(calls: readonly Call[], stage: keyof StageMeans): number {
  return calls.reduce((sum, call) => sum + call.stages[stage], 0) / Math.max(1, calls.length);
}

/**
 * Joins the load generator's timings of tagged calls with what the server saw of the same calls,
 * and says what the slowest of them overlapped and where their time went. The outbound stage
 * starts at the response's `finish`, which Node emits once the write returns: on a loopback
 * socket the client may already have read it, so a small negative mean is expected.
 */
export function attributeTail(
  client: readonly TaggedTiming[],
  server: StageReading,
  shares: readonly number[] = [0.01, 0.05],
): TailAttribution | null {
  const seen = new Map(server.calls.map((call) => [call[0], call]));
  const calls: Call[] = [];
  for (const [tag, sent, done, reported] of client) {
    const inside = seen.get(tag);
    if (!inside) continue;
    const [, received, finished] = inside;
    const within = finished - received;
    const gateway = Number.isFinite(reported) ? Math.min(reported, within) : 0;
    const overlap: Overlap = overlaps(server.gc, sent, done)
      ? "gc"
      : overlaps(server.usageWrites, sent, done)
        ? "usageWrite"
        : "neither";
    calls.push({
      latency: done - sent,
      overlap,
      stages: { inbound: received - sent, gateway, upstream: within - gateway, outbound: done - finished },
    });
  }
  if (calls.length === 0) return null;
  calls.sort((a, b) => b.latency - a.latency);
  const count = (group: readonly Call[]) => {
    const counts = emptyCounts();
    for (const call of group) counts[call.overlap] += 1;
    return counts;
  };
  return {
    calls: calls.length,
    overlapping: count(calls),
    slowest: shares.map((share) => {
      const group = calls.slice(0, Math.max(1, Math.round(share * calls.length)));
      return {
        share,
        count: group.length,
        fromMs: group.at(-1)?.latency ?? Number.NaN,
        overlapping: count(group),
        stages: {
          inbound: mean(group, "inbound"),
          gateway: mean(group, "gateway"),
          upstream: mean(group, "upstream"),
          outbound: mean(group, "outbound"),
        },
      };
    }),
  };
}
