import type { ProcessFileInput, ProcessFileOutput } from "../processing/process-file.js";
import { WorkerPool } from "../processing/worker-pool.js";

/** Kill the worker on these turns (1-based) of jobs for files of this name. */
export interface DeathRule {
  readonly fileName: string;
  readonly onTurns: readonly number[];
}

export interface ScriptedWorkerData {
  /** Int32 counters shared by every worker of the pool: `counter` slots, then one per rule. */
  readonly counters: SharedArrayBuffer;
  readonly deathRules: readonly DeathRule[];
  /** Each job waits this long before it is processed. */
  readonly delayMs: number;
}

export const counter = { jobsStarted: 0, deaths: 1, rules: 2 } as const;

/**
 * A processing pool whose workers follow a script (tests only): die mid-document on chosen
 * jobs, or take their time. Pass `pool` to the instance; its owner (the test) closes it.
 */
export function scriptedProcessingPool(script: { deathRules?: readonly DeathRule[]; delayMs?: number } = {}) {
  const deathRules = script.deathRules ?? [];
  const counters = new SharedArrayBuffer((counter.rules + deathRules.length) * Int32Array.BYTES_PER_ELEMENT);
  const view = new Int32Array(counters);
  const workerData: ScriptedWorkerData = { counters, deathRules, delayMs: script.delayMs ?? 0 };
  const pool = new WorkerPool<ProcessFileInput, ProcessFileOutput>({
    size: 1,
    memoryMb: 1024,
    entry: new URL("./scripted-worker-entry.mjs", import.meta.url),
    workerData,
  });
  return {
    pool,
    /** Jobs that reached a worker of this pool, warm-up included. */
    jobsStarted: () => Atomics.load(view, counter.jobsStarted),
    /** Workers that died on purpose. */
    deaths: () => Atomics.load(view, counter.deaths),
  };
}
