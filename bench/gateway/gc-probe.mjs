// Preloaded into the Tributary process of bench/gateway (`node --import`): its main thread's
// garbage-collection pauses, the usual cause of the gateway's latency tail. Each SIGUSR2 writes
// what was seen since the previous one to BENCH_GC_STATS_FILE as JSON and starts afresh, so the
// bench can frame exactly its fixed-rate window. A PerformanceObserver costs nothing measurable.
import { writeFileSync } from "node:fs";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_GC_STATS_FILE;
if (isMainThread && file) {
  /** @type {{ minor: number[], major: number[] }} */
  let pauses = { minor: [], major: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = entry.detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) pauses.minor.push(entry.duration);
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.major.push(entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("SIGUSR2", () => {
    // Entries are delivered asynchronously: let the ones of the last GCs arrive first.
    setTimeout(() => {
      writeFileSync(file, JSON.stringify(pauses));
      pauses = { minor: [], major: [] };
    }, 20);
  });
}
