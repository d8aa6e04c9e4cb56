import { runFixedRate } from "../lib/fixed-rate.js";
import { runLoad } from "../lib/load.js";
import { cpuTimeMs } from "../lib/processes.js";
import { type Summary, summarize } from "../lib/stats.js";
import { chatBody, type Target, type TargetName } from "./targets.js";

export interface TargetFigures {
  name: TargetName;
  /** Closed loop at `connections`: completed requests per second and their latency. */
  throughput: number;
  loadedLatency: Summary;
  /** CPU time of the target's own process per request in the throughput run (µs). */
  cpuPerRequestUs: number;
  /** Open loop at a fixed rate: latency of each request. */
  rateLatency: Summary;
  achievedRate: number;
  /** What the target reports as its own overhead (`x-tributary-overhead-ms`), at the fixed rate. */
  reportedOverhead: Summary;
  /** Main-thread GC pauses of the target during the fixed-rate run (ms), where it reports them. */
  gcPauses: { minor: Summary; major: Summary } | null;
  failures: number;
}

export interface MeasureOptions {
  stream: boolean;
  connections: number;
  rate: number;
  durationS: number;
  warmUpS: number;
}

/** Warms a target up, then measures its throughput at fixed concurrency and its latency at a fixed rate. */
export async function measureTarget(target: Target, options: MeasureOptions): Promise<TargetFigures> {
  const request = { method: "POST" as const, headers: target.headers, body: chatBody(options.stream) };
  await runLoad(target.url, { connections: options.connections, durationS: options.warmUpS, request });

  const cpuBefore = await cpuTimeMs(target.pid);
  const loaded = await runLoad(target.url, {
    connections: options.connections,
    durationS: options.durationS,
    request,
  });
  const cpuMs = (await cpuTimeMs(target.pid)) - cpuBefore;

  await target.gc?.take();
  const fixed = await runFixedRate(
    { url: target.url, ...request },
    { rate: options.rate, durationS: options.durationS, header: "x-tributary-overhead-ms" },
  );
  const pauses = await target.gc?.take();
  return {
    name: target.name,
    throughput: loaded.requestsPerSecond,
    loadedLatency: loaded.latency,
    cpuPerRequestUs: (cpuMs * 1000) / Math.max(1, loaded.latency.count),
    rateLatency: fixed.latency,
    achievedRate: fixed.achievedRate,
    reportedOverhead: fixed.header,
    gcPauses: pauses ? { minor: summarize(pauses.minor), major: summarize(pauses.major) } : null,
    failures: loaded.errors + loaded.non2xx + fixed.errors + fixed.non2xx,
  };
}
