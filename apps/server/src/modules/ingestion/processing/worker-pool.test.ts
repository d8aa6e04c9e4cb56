import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool } from "./worker-pool.js";

/** A worker that reports `input * 10` and `input * 100` as progress, then answers `input + 1`. */
const entry = new URL(
  `data:text/javascript,${encodeURIComponent(`
    import { parentPort } from "node:worker_threads";
    parentPort.on("message", ({ id, input }) => {
      parentPort.postMessage({ id, progress: input * 10 });
      parentPort.postMessage({ id, progress: input * 100 });
      parentPort.postMessage({ id, ok: true, value: input + 1 });
    });
  `)}`,
);

let pool: WorkerPool<number, number, number> | undefined;
afterEach(async () => {
  await pool?.close();
});

describe("WorkerPool progress", () => {
  it("hands a task's progress to its caller before the result", async () => {
    pool = new WorkerPool<number, number, number>({ size: 1, memoryMb: 64, entry });
    const seen: string[] = [];
    const value = await pool.run(4, {
      timeoutMs: 10_000,
      onProgress: (progress) => seen.push(`progress ${progress}`),
    });
    seen.push(`result ${value}`);
    expect(seen).toEqual(["progress 40", "progress 400", "result 5"]);
  });

  it("ignores progress nobody asked for, and a progress handler that throws", async () => {
    pool = new WorkerPool<number, number, number>({ size: 1, memoryMb: 64, entry });
    expect(await pool.run(1, { timeoutMs: 10_000 })).toBe(2);
    const value = await pool.run(2, {
      timeoutMs: 10_000,
      onProgress: () => {
        throw new Error("not interested");
      },
    });
    expect(value).toBe(3);
    expect(await pool.run(3, { timeoutMs: 10_000 })).toBe(4);
  });
});
