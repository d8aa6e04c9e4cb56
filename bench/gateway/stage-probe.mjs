// Part of gc-probe.mjs, with BENCH_GATEWAY_STAGES=1: when each tagged call entered and left
// Tributary, and what the process was doing meanwhile, so the bench can say what its slowest calls
// had in common. Times are CLOCK_MONOTONIC milliseconds (process.hrtime), the clock the load
// generator stamps its requests with (bench/lib/fixed-rate.ts `monotonicMs`).
//
// Per call, tagged by the load generator's `x-bench-tag` header: when Node handed the parsed
// request to the server (http.server.request.start) and when the response went to the kernel (its
// `finish`). For the whole process: main-thread GC pauses and usage-record writes
// (tributary:usage:write). Nothing here follows a call across awaits (no AsyncLocalStorage, whose
// promise hooks would slow the process being measured): the call's own X-Tributary-Overhead-Ms
// splits its time inside into the gateway's and the upstream's.
import { subscribe } from "node:diagnostics_channel";
import { PerformanceObserver } from "node:perf_hooks";

export const tagHeader = "x-bench-tag";

const monotonicMs = () => Number(process.hrtime.bigint() / 1000n) / 1000;

export function watchStages() {
  /** tag → [tag, received, finished] */
  let calls = new Map();
  let gcSpans = [];
  let usageWrites = [];
  let writeStartedAt = null;
  // performance.now() and process.hrtime are both monotonic: one offset converts the GC entries.
  const offset = monotonicMs() - performance.now();

  subscribe("http.server.request.start", ({ request, response }) => {
    const tag = Number(request.headers[tagHeader]);
    if (!Number.isSafeInteger(tag)) return;
    const timing = [tag, monotonicMs(), null];
    calls.set(tag, timing);
    response.once("finish", () => {
      timing[2] = monotonicMs();
    });
  });
  subscribe("tributary:usage:write", ({ phase }) => {
    if (phase === "start") writeStartedAt = monotonicMs();
    else if (writeStartedAt !== null) {
      usageWrites.push([writeStartedAt, monotonicMs()]);
      writeStartedAt = null;
    }
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcSpans.push([entry.startTime + offset, entry.startTime + entry.duration + offset]);
    }
  }).observe({ entryTypes: ["gc"] });

  return {
    /** What was seen since the previous call; only calls that finished are reported. */
    take() {
      const reading = {
        calls: [...calls.values()].filter((timing) => timing.every((value) => value !== null)),
        gc: gcSpans,
        usageWrites,
      };
      calls = new Map();
      gcSpans = [];
      usageWrites = [];
      return reading;
    },
  };
}
