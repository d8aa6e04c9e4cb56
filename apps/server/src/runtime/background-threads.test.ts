import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import {
  keepBackgroundThreadsLowered,
  lowerBackgroundThreads,
  type ProcessThreads,
} from "./background-threads.js";

/** Threads with nice values held in a map; `ids` lists them in insertion order. */
function fakeThreads(nice: Record<number, number>, failures: Record<number, string> = {}): ProcessThreads {
  return {
    ids: () => Object.keys(nice).map(Number),
    nice: (id) => {
      const value = nice[id];
      if (value === undefined) throw Object.assign(new Error("no such thread"), { code: "ESRCH" });
      return value;
    },
    setNice: (id, value) => {
      const code = failures[id];
      if (code) throw Object.assign(new Error(code), { code });
      nice[id] = value;
    },
  };
}

describe("lowerBackgroundThreads", () => {
  it("puts every thread but the main one `niceness` below the main thread, and leaves the main one", () => {
    const nice = { 100: 2, 101: 0, 102: 5, 103: 15 };
    expect(lowerBackgroundThreads(10, fakeThreads(nice), 100)).toBe(2);
    // Already lower than the target (103): never raised, which would need privileges.
    expect(nice).toEqual({ 100: 2, 101: 12, 102: 12, 103: 15 });
  });

  it("caps at 19, the lowest priority there is", () => {
    const nice = { 1: 15, 2: 0 };
    expect(lowerBackgroundThreads(10, fakeThreads(nice), 1)).toBe(1);
    expect(nice[2]).toBe(19);
  });

  it("passes over a thread that ended meanwhile, and reports any other failure", () => {
    expect(lowerBackgroundThreads(5, fakeThreads({ 1: 0, 2: 0, 3: 0 }, { 2: "ESRCH" }), 1)).toBe(1);
    expect(() => lowerBackgroundThreads(5, fakeThreads({ 1: 0, 2: 0 }, { 2: "EPERM" }), 1)).toThrow("EPERM");
  });

  it("changes nothing where the system does not list threads", () => {
    const threads = { ...fakeThreads({}), ids: () => null };
    expect(lowerBackgroundThreads(10, threads, 1)).toBeNull();
  });

  it.runIf(existsSync("/proc/self/task"))(
    "lowers the real threads of a process (a worker thread among them) and not its main thread",
    () => {
      const module = fileURLToPath(new URL("./background-threads.ts", import.meta.url));
      const script = `
        import { Worker } from "node:worker_threads";
        import { getPriority } from "node:os";
        import { readdirSync } from "node:fs";
        const { lowerBackgroundThreads } = await import(${JSON.stringify(module)});
        const worker = new Worker("setInterval(() => {}, 1000)", { eval: true });
        await new Promise((resolve) => worker.once("online", resolve));
        const lowered = lowerBackgroundThreads(7);
        const others = readdirSync("/proc/self/task").map(Number).filter((id) => id !== process.pid);
        console.log(JSON.stringify({ lowered, main: getPriority(process.pid), others: others.map((id) => getPriority(id)) }));
        process.exit(0);
      `;
      const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(child.stderr).toBe("");
      const seen = JSON.parse(child.stdout) as { lowered: number; main: number; others: number[] };
      // V8's platform threads, libuv's and the worker: all of them, and more than the worker alone.
      expect(seen.others.length).toBeGreaterThan(1);
      expect(seen.lowered).toBe(seen.others.length);
      expect(seen.others.every((nice) => nice === Math.min(19, seen.main + 7))).toBe(true);
    },
  );
});

describe("keepBackgroundThreadsLowered", () => {
  it("does nothing with niceness 0", () => {
    const threads = fakeThreads({ 1: 0, 2: 0 });
    const ids = vi.spyOn(threads, "ids");
    keepBackgroundThreadsLowered({ niceness: 0, threads, onError: () => {} }).stop();
    expect(ids).not.toHaveBeenCalled();
  });

  it("lowers threads that start later, on its interval", async () => {
    const nice: Record<number, number> = { [process.pid]: 0, 2: 0 };
    const keeper = keepBackgroundThreadsLowered({
      niceness: 4,
      intervalMs: 10,
      threads: fakeThreads(nice),
      onError: () => {},
    });
    expect(nice[2]).toBe(4);
    nice[3] = 0;
    await vi.waitFor(() => expect(nice[3]).toBe(4));
    keeper.stop();
  });

  it("reports a failure once and stops", async () => {
    const onError = vi.fn();
    const threads = fakeThreads({ [process.pid]: 0, 2: 0 }, { 2: "EPERM" });
    const setNice = vi.spyOn(threads, "setNice");
    const keeper = keepBackgroundThreadsLowered({ niceness: 4, intervalMs: 5, threads, onError });
    await new Promise((resolve) => setTimeout(resolve, 40));
    keeper.stop();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(setNice).toHaveBeenCalledTimes(1);
  });
});
