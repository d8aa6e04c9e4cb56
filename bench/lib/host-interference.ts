import { readdir, readFile } from "node:fs/promises";

/** CPU taken by the kernel's memory-reclaim threads since boot (Linux; zero elsewhere). */
export interface ReclaimThreadsTime {
  /** Time on a CPU (ms) and number of times they were scheduled, summed over the threads. */
  readonly ms: number;
  readonly runs: number;
  readonly names: readonly string[];
}

/**
 * Threads such as DAMON's `kdamond` (a VM host reclaiming its guests' cold memory), `kswapd` and
 * `kcompactd` run on the same cores as the benchmark, and a run of theirs holds a core for
 * milliseconds. On this project's 2-core VM, kdamond ran for 10–20 ms every ~0.5 s: reading their
 * share around a measurement says how much of a latency tail the machine added by itself.
 */
export async function reclaimThreadsTime(): Promise<ReclaimThreadsTime> {
  const entries = await readdir("/proc").catch(() => [] as string[]);
  let ms = 0;
  let runs = 0;
  const names: string[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const name = (await readFile(`/proc/${entry}/comm`, "utf8").catch(() => "")).trim();
    if (!/^(kdamond|kswapd|kcompactd)/.test(name)) continue;
    // schedstat: time on a CPU (ns), time runnable but waiting (ns), number of runs.
    const [onCpuNs = 0, , slices = 0] = (await readFile(`/proc/${entry}/schedstat`, "utf8").catch(() => ""))
      .trim()
      .split(" ")
      .map(Number);
    ms += onCpuNs / 1e6;
    runs += slices;
    names.push(name);
  }
  return { ms, runs, names };
}

/** What the reclaim threads took between two readings. */
export function reclaimTimeBetween(
  before: ReclaimThreadsTime,
  after: ReclaimThreadsTime,
): ReclaimThreadsTime {
  return { ms: after.ms - before.ms, runs: after.runs - before.runs, names: after.names };
}
