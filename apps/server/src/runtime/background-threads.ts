import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The threads of this process and their scheduling priority (nice values, -20 … 19). */
export interface ProcessThreads {
  /** Ids of the process's threads; null where the system does not list them (no /proc). */
  ids(): number[] | null;
  nice(threadId: number): number;
  setNice(threadId: number, nice: number): void;
}

/**
 * Linux: /proc/self/task lists the threads, and setpriority(2) given a thread id changes that
 * thread alone (on Linux a nice value belongs to a thread, not to the whole process).
 */
export const linuxProcessThreads: ProcessThreads = {
  ids() {
    try {
      return readdirSync("/proc/self/task").map(Number);
    } catch {
      return null;
    }
  },
  nice: (threadId) => getPriority(threadId),
  setNice: (threadId, nice) => setPriority(threadId, nice),
};

const maxNice = 19;

function gone(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "ESRCH";
}

/**
 * Gives every thread of this process but the main one a nice value `niceness` above the main
 * thread's: the embedded database's worker, V8's compiler and GC helpers, libuv's pool, the
 * ingestion workers. On a small machine they share the cores with the thread that serves requests,
 * and the kernel does not always move a woken thread to an idle core: the main thread then waits
 * behind a database write or a concurrent GC slice (several ms) while the other core is idle.
 * Lowered, they yield to it at once and still use every cycle nobody else wants. Never raises a
 * priority (that needs privileges). Returns how many threads were lowered; null where the system
 * does not list threads (not Linux), which changes nothing.
 */
export function lowerBackgroundThreads(
  niceness: number,
  threads: ProcessThreads = linuxProcessThreads,
  mainThreadId: number = process.pid,
): number | null {
  const ids = threads.ids();
  if (ids === null) return null;
  const target = Math.min(maxNice, threads.nice(mainThreadId) + niceness);
  let lowered = 0;
  for (const id of ids) {
    if (id === mainThreadId) continue;
    try {
      if (threads.nice(id) >= target) continue;
      threads.setNice(id, target);
      lowered += 1;
    } catch (error) {
      // A thread that ended between the listing and now has nothing left to lower.
      if (!gone(error)) throw error;
    }
  }
  return lowered;
}

export interface BackgroundThreadsKeeper {
  stop(): void;
}

/**
 * Lowers the background threads now and again every `intervalMs`, for the threads that start
 * later (libuv's pool starts on first use, workers start on demand). `niceness` 0 does nothing.
 * A failure (other than a thread that ended) is reported once and stops the keeper.
 */
export function keepBackgroundThreadsLowered(options: {
  readonly niceness: number;
  readonly intervalMs?: number;
  readonly threads?: ProcessThreads;
  readonly onError: (error: unknown) => void;
}): BackgroundThreadsKeeper {
  if (options.niceness <= 0) return { stop() {} };
  const sweep = (): boolean => {
    try {
      return lowerBackgroundThreads(options.niceness, options.threads) !== null;
    } catch (error) {
      options.onError(error);
      return false;
    }
  };
  if (!sweep()) return { stop() {} };
  const timer = setInterval(() => {
    if (!sweep()) clearInterval(timer);
  }, options.intervalMs ?? 10_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
