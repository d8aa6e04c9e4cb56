import { parentPort, workerData } from "node:worker_threads";
import { type ProcessFileInput, processFile } from "../processing/process-file.js";
import { counter, type ScriptedWorkerData } from "./scripted-pool.js";

/**
 * A processing worker that follows a script (tests only). A job a death rule names is processed,
 * then the thread exits before answering, as if killed mid-document; every job first waits
 * `delayMs`, so jobs pile up behind the pool. Counters live in memory shared by every worker of
 * the pool, so a replacement worker knows what happened before it.
 */
const port = parentPort;
if (!port) throw new Error("scripted-worker must run in a worker thread");
const script = workerData as ScriptedWorkerData;
const counters = new Int32Array(script.counters);

function diesOn(input: ProcessFileInput): boolean {
  let dies = false;
  script.deathRules.forEach((rule, index) => {
    if (rule.fileName !== input.fileName) return;
    const turn = Atomics.add(counters, counter.rules + index, 1) + 1;
    if (rule.onTurns.includes(turn)) dies = true;
  });
  return dies;
}

port.on("message", async (message: { id: number; input: ProcessFileInput }) => {
  Atomics.add(counters, counter.jobsStarted, 1);
  if (script.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, script.delayMs));
  if (diesOn(message.input)) {
    await processFile(message.input);
    Atomics.add(counters, counter.deaths, 1);
    process.exit(70);
  }
  try {
    port.postMessage({ id: message.id, ok: true, value: await processFile(message.input) });
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: (error as Error)?.message ?? String(error) });
  }
});
