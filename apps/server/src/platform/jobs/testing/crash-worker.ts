// Child process of crash.test.ts: enqueues a job, starts working it, announces the start on
// stdout and hangs, waiting to be killed with SIGKILL mid-run.
// Run as: node --import tsx crash-worker.ts '<CrashWorkerArgs as JSON>'
import { createLogger } from "../../telemetry/logger.js";
import { createJobQueue } from "../create-job-queue.js";
import { crashWorkerArgsSchema, createEffectsTable, openCrashTarget } from "./crash-target.js";
import { testJobTuning } from "./test-queues.js";

const args = crashWorkerArgsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
const sql = await openCrashTarget(args.target);
await createEffectsTable(sql);
const jobs = createJobQueue({
  sql,
  tuning: { ...testJobTuning, visibilityTimeoutMs: args.visibilityTimeoutMs },
  logger: createLogger("silent"),
});
jobs.work(args.queue, async (job) => {
  process.stdout.write(`started ${job.id}\n`);
  // Never settles: the process dies here, before the job's effect is written.
  await new Promise(() => {});
});
await jobs.enqueue({ queue: args.queue, payload: { crash: true } });
jobs.start();
