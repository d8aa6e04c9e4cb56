// Preloaded into the Tributary process of bench/gateway (`node --import`): its main thread's
// garbage-collection pauses, one cause of the gateway's latency tail. Each SIGUSR2 writes
// what was seen since the previous one to BENCH_GC_STATS_FILE as JSON and starts afresh, so the
// bench can frame exactly its fixed-rate window. A PerformanceObserver costs nothing measurable.
//
// With BENCH_GATEWAY_STALLS=1 it also times the main thread's stalls: a 1 ms timer that fires
// more than 3 ms late, and what the thread did meanwhile (/proc/thread-self/schedstat: time on a
// CPU, time runnable but waiting for one). Opt-in, because 1000 wake-ups a second are themselves
// a load on a 2-core machine.
//
// With BENCH_GATEWAY_STAGES=1 it also reports, per tagged call, when the call reached each stage
// of the gateway, with the process's GC pauses and usage writes (stage-probe.mjs).
import { readFileSync, writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";
import { watchStages } from "./stage-probe.mjs";

const file = process.env.BENCH_GC_STATS_FILE;
const stallMs = 3;

if (isMainThread && file) {
  /** @type {{ minor: number[], major: number[] }} */
  let pauses = { minor: [], major: [] };
  /** GC intervals [start, end] (performance.now() ms), to tell which stalls a GC explains. */
  let gcSpans = [];
  /** @type {Array<{ start: number, gapMs: number, runMs: number, waitMs: number }>} */
  let stalls = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.minor.push(entry.duration);
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.major.push(entry.duration);
      gcSpans.push([entry.startTime, entry.startTime + entry.duration]);
    }
  }).observe({ entryTypes: ["gc"] });
  const watching = process.env.BENCH_GATEWAY_STALLS === "1";
  if (watching) watchStalls((stall) => stalls.push(stall));
  const stages = process.env.BENCH_GATEWAY_STAGES === "1" ? watchStages() : null;
  process.on("SIGUSR2", () => {
    // Entries are delivered asynchronously: let the ones of the last GCs arrive first.
    setTimeout(() => {
      writeFileSync(
        file,
        JSON.stringify({
          ...pauses,
          stalls: watching ? classify(stalls, gcSpans) : null,
          stages: stages?.take() ?? null,
        }),
      );
      pauses = { minor: [], major: [] };
      gcSpans = [];
      stalls = [];
    }, 20);
  });
}

/** Calls `onStall` for each gap of over `stallMs` between 1 ms ticks, with the thread's CPU and wait times. */
function watchStalls(onStall) {
  const schedstat = () => readFileSync("/proc/thread-self/schedstat", "utf8").split(" ").map(Number);
  let last = performance.now();
  let lastStat = schedstat();
  setInterval(() => {
    const now = performance.now();
    const stat = schedstat();
    if (now - last > stallMs) {
      onStall({
        start: last,
        gapMs: now - last,
        runMs: ((stat[0] ?? 0) - (lastStat[0] ?? 0)) / 1e6,
        waitMs: ((stat[1] ?? 0) - (lastStat[1] ?? 0)) / 1e6,
      });
    }
    last = now;
    lastStat = stat;
  }, 1).unref();
}

/** Counts and milliseconds of stalls by cause: a GC, running JavaScript, waiting for a CPU, other. */
function classify(stalls, gcSpans) {
  const causes = { gc: [0, 0], running: [0, 0], waiting: [0, 0], other: [0, 0] };
  for (const stall of stalls) {
    const end = stall.start + stall.gapMs;
    const cause = gcSpans.some(([from, to]) => from < end && to > stall.start)
      ? "gc"
      : stall.runMs >= 0.6 * stall.gapMs
        ? "running"
        : stall.waitMs >= 0.4 * stall.gapMs
          ? "waiting"
          : "other";
    causes[cause][0] += 1;
    causes[cause][1] += stall.gapMs;
  }
  return causes;
}
