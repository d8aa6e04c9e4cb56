import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Config } from "../../config/index.js";
import { AppError } from "../errors/index.js";
import type { Sql, SqlTx } from "../sql/port.js";
import type { Logger } from "../telemetry/logger.js";
import {
  countQueued,
  insertJob,
  requestCancel,
  requeueDeadJob,
  selectDeadJobs,
  selectJob,
} from "./job-store.js";
import type { EnqueueInput, JobQueue } from "./port.js";
import { QueueRunner } from "./queue-runner.js";
import { defaultRetryPolicy, type RetryPolicy } from "./retry-policy.js";

export interface CreateJobQueueOptions {
  sql: Sql;
  tuning: Config["jobs"];
  logger: Logger;
  /** Backoff between attempts; tests shorten it. */
  retry?: Partial<RetryPolicy>;
  /** Recorded in `locked_by`; defaults to host, pid and a random suffix. */
  workerId?: string;
}

/** A transaction's commit is not observable here, so a wake inside one is repeated a little later. */
const wakeAfterCommitMs = 100;

export function createJobQueue(options: CreateJobQueueOptions): JobQueue {
  const { sql, tuning, logger } = options;
  requirePositiveInteger("jobs.tenantConcurrency", tuning.tenantConcurrency);
  requirePositiveInteger("jobs.maxAttempts", tuning.maxAttempts);
  const deps = {
    sql,
    logger,
    visibilityTimeoutMs: tuning.visibilityTimeoutMs,
    pollIntervalMs: tuning.pollIntervalMs,
    tenantConcurrency: tuning.tenantConcurrency,
    retry: { ...defaultRetryPolicy, ...options.retry },
    workerId: options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
  };
  const runners = new Map<string, QueueRunner>();
  let state: "idle" | "started" | "stopping" = "idle";
  const system = <T>(tx: SqlTx | undefined, work: (tx: SqlTx) => Promise<T>) =>
    tx ? work(tx) : sql.withSystem(work);

  return {
    async enqueue(input: EnqueueInput, tx?: SqlTx) {
      validateEnqueue(input);
      const enqueued = await system(tx, (t) => insertJob(t, input, tuning.maxAttempts));
      const runner = state === "started" ? runners.get(input.queue) : undefined;
      if (runner) {
        runner.wake();
        if (tx) setTimeout(() => runner.wake(), wakeAfterCommitMs).unref();
      }
      return enqueued;
    },
    work(queue, handler, workOptions = {}) {
      if (runners.has(queue)) throw new Error(`queue ${queue} already has a handler`);
      if (state === "stopping") throw new Error("the job queue is stopping");
      const concurrency = workOptions.concurrency ?? 1;
      requirePositiveInteger(`concurrency of queue ${queue}`, concurrency);
      const runner = new QueueRunner(queue, handler, concurrency, deps, workOptions.tenantConcurrencyOf);
      runners.set(queue, runner);
      if (state === "started") runner.start();
    },
    start() {
      if (state === "stopping") throw new Error("a stopped job queue cannot start again");
      if (state === "started") return;
      state = "started";
      for (const runner of runners.values()) runner.start();
    },
    async stop({ timeoutMs }) {
      if (state === "idle") {
        state = "stopping";
        return;
      }
      state = "stopping";
      const deadline = Date.now() + timeoutMs;
      await Promise.all([...runners.values()].map((runner) => runner.stop(deadline)));
    },
    async cancel(id, tx) {
      const job = await system(tx, (t) => requestCancel(t, id));
      // Inside the caller's transaction the request may still roll back; other runs see it once committed.
      if (job?.status === "running" && !tx) runners.get(job.queue)?.interrupt(id, "cancelled");
      return job;
    },
    get(id, tx) {
      return system(tx, (t) => selectJob(t, id));
    },
    deadLetters(queue, limit = 100) {
      return sql.withSystem((tx) => selectDeadJobs(tx, queue, limit));
    },
    async retryDead(id) {
      const job = await sql.withSystem((tx) => requeueDeadJob(tx, id));
      if (job && state === "started") runners.get(job.queue)?.wake();
      return job;
    },
    async depth() {
      const queued = await sql.withSystem(countQueued);
      const idle = [...runners.keys()].map((queue) => [queue, 0] as const);
      return { ...Object.fromEntries(idle), ...queued };
    },
    async ping() {
      await sql.withSystem((tx) => tx.query("SELECT 1 FROM jobs LIMIT 1"));
    },
  };
}

function validateEnqueue(input: EnqueueInput): void {
  if (input.queue.length === 0 || input.queue.length > 200) {
    throw new AppError("VALIDATION_ERROR", "a job queue name has 1 to 200 characters");
  }
  if (input.maxAttempts !== undefined && !(Number.isInteger(input.maxAttempts) && input.maxAttempts >= 1)) {
    throw new AppError("VALIDATION_ERROR", "maxAttempts must be a positive integer");
  }
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got ${value}`);
}
