import { Agent } from "node:http";
import { runFixedRate, type TaggedTiming } from "../lib/fixed-rate.js";
import { runLoad } from "../lib/load.js";
import { cpuTimeMs } from "../lib/processes.js";
import { type Summary, summarize } from "../lib/stats.js";
import { attributeTail, type TailAttribution } from "./tail-attribution.js";
import { chatBody, type StallCauses, type Target, type TargetName } from "./targets.js";

/** Everything measured of one target in one mode. */
export type TargetFigures = { name: TargetName } & LoadedFigures & RateFigures;

export interface MeasureOptions {
  stream: boolean;
  connections: number;
  rate: number;
  durationS: number;
  warmUpS: number;
}

/** Closed loop at `connections`, after a warm-up. */
export interface LoadedFigures {
  /** Completed requests per second, and their latency. */
  throughput: number;
  loadedLatency: Summary;
  /** CPU time of the target's own process (all threads) per request (µs); null where it has no one process. */
  cpuPerRequestUs: number | null;
  failures: number;
}

/** Open loop at a fixed rate. */
export interface RateFigures {
  /** Latency of each request, written → last byte read. */
  rateLatency: Summary;
  achievedRate: number;
  /** What the target reports as its own overhead (`x-tributary-overhead-ms`). */
  reportedOverhead: Summary;
  /** Main-thread GC pauses of the target during its slices (ms), where it reports them. */
  gcPauses: { minor: Summary; major: Summary; totalMs: number } | null;
  /** Main-thread stalls over 3 ms by cause, where the target reports them (BENCH_GATEWAY_STALLS=1). */
  stalls: StallCauses | null;
  /** What the slowest calls overlapped and where their time went (BENCH_GATEWAY_STAGES=1). */
  tail: TailAttribution | null;
  failures: number;
}

function requestOf(target: Target, options: MeasureOptions) {
  return { method: "POST" as const, headers: target.headers, body: chatBody(options.stream) };
}

/** Warms a target up, then measures its throughput and CPU per request at fixed concurrency. */
export async function measureLoaded(target: Target, options: MeasureOptions): Promise<LoadedFigures> {
  const request = requestOf(target, options);
  await runLoad(target.url, { connections: options.connections, durationS: options.warmUpS, request });
  const pid = target.pid;
  const cpuBefore = pid === null ? 0 : await cpuTimeMs(pid);
  const loaded = await runLoad(target.url, {
    connections: options.connections,
    durationS: options.durationS,
    request,
  });
  const cpuMs = pid === null ? null : (await cpuTimeMs(pid)) - cpuBefore;
  return {
    throughput: loaded.requestsPerSecond,
    loadedLatency: loaded.latency,
    cpuPerRequestUs: cpuMs === null ? null : (cpuMs * 1000) / Math.max(1, loaded.latency.count),
    failures: loaded.errors + loaded.non2xx,
  };
}

/**
 * Latency of each target at `options.rate` requests/s for `options.durationS` seconds, taken in
 * slices of `sliceS` seconds that alternate between the targets (A B, B A, A B…). Added latency
 * is the difference between two targets' distributions, and on a shared machine the background
 * load changes from second to second: interleaving gives every target the same conditions, where
 * back-to-back runs would compare one target's quiet minute with another's busy one. Each target
 * keeps its keep-alive connections across its slices.
 */
export async function measureAtRate(
  targets: readonly Target[],
  options: MeasureOptions,
  sliceS = 1,
): Promise<Map<Target["name"], RateFigures>> {
  const runs = targets.map((target) => ({
    target,
    agent: new Agent({ keepAlive: true, maxSockets: 512 }),
    latency: [] as number[],
    header: [] as number[],
    rates: [] as number[],
    tagged: [] as TaggedTiming[],
    failures: 0,
  }));
  try {
    for (const run of runs) await run.target.gc?.take();
    const slices = Math.max(1, Math.round(options.durationS / sliceS));
    for (let slice = 0; slice < slices; slice++) {
      const order = slice % 2 === 0 ? runs : [...runs].reverse();
      for (const run of order) {
        const result = await runFixedRate(
          { url: run.target.url, ...requestOf(run.target, options) },
          {
            rate: options.rate,
            durationS: sliceS,
            header: "x-tributary-overhead-ms",
            agent: run.agent,
            ...(run.target.tagHeader ? { tagHeader: run.target.tagHeader } : {}),
          },
        );
        run.latency.push(...result.samples.latency);
        run.header.push(...result.samples.header);
        run.tagged.push(...result.samples.tagged);
        run.rates.push(result.achievedRate);
        run.failures += result.errors + result.non2xx;
      }
    }
    const figures = new Map<Target["name"], RateFigures>();
    for (const run of runs) {
      const pauses = await run.target.gc?.take();
      figures.set(run.target.name, {
        rateLatency: summarize(run.latency),
        achievedRate: run.rates.reduce((sum, rate) => sum + rate, 0) / Math.max(1, run.rates.length),
        reportedOverhead: summarize(run.header),
        gcPauses: pauses
          ? {
              minor: summarize(pauses.minor),
              major: summarize(pauses.major),
              totalMs: [...pauses.minor, ...pauses.major].reduce((sum, ms) => sum + ms, 0),
            }
          : null,
        stalls: pauses?.stalls ?? null,
        tail: pauses?.stages ? attributeTail(run.tagged, pauses.stages) : null,
        failures: run.failures,
      });
    }
    return figures;
  } finally {
    for (const run of runs) run.agent.destroy();
  }
}
