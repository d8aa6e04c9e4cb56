import { assertNever } from "../errors/index.js";
import type { Sql } from "../sql/port.js";
import type { Logger } from "../telemetry/logger.js";
import { type InterruptionReason, interruptionOf, JobInterruptedError } from "./job-interruption.js";
import { toJob } from "./job-row.js";
import { completeJob, extendLease, failJob, finishCancelled, type Lease } from "./lease-store.js";
import type { JobContext, JobHandler } from "./port.js";
import { describeFailure, type RetryPolicy, retryDelayMs } from "./retry-policy.js";

export interface RunJobDeps {
  readonly sql: Sql;
  readonly logger: Logger;
  readonly visibilityTimeoutMs: number;
  readonly retry: RetryPolicy;
}

/**
 * One handler invocation on a leased job. `done` settles once the outcome is written, with the
 * delay before the job's retry is due when it failed and was queued again (else null); it never rejects.
 */
export interface RunningJob {
  readonly lease: Lease;
  readonly done: Promise<number | null>;
  interrupt(reason: InterruptionReason): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function runJob(deps: RunJobDeps, lease: Lease, handler: JobHandler): RunningJob {
  const jobId = lease.row.id;
  const log = deps.logger.child({ jobId, queue: lease.row.queue, attempt: lease.row.attempts });
  const controller = new AbortController();
  const signal = controller.signal;
  const interrupt = (reason: InterruptionReason) => {
    if (!signal.aborted) controller.abort(new JobInterruptedError(jobId, reason));
  };

  const extend = async () => {
    const held = await extendLease(deps.sql, lease, deps.visibilityTimeoutMs);
    if (held === "lost") interrupt("lease-lost");
    else if (held === "cancel-requested") interrupt("cancelled");
  };
  // A third of the visibility timeout leaves two missed beats before another worker may reclaim the job.
  const beat = setInterval(
    () => void extend().catch((error) => log.warn({ err: error }, "job heartbeat failed")),
    Math.max(1, Math.floor(deps.visibilityTimeoutMs / 3)),
  );
  beat.unref();
  signal.addEventListener("abort", () => {
    // A cancelled handler may take a moment to wind down and keeps its lease meanwhile.
    if (interruptionOf(signal) !== "cancelled") clearInterval(beat);
  });

  const ctx: JobContext = {
    signal,
    async heartbeat() {
      signal.throwIfAborted();
      await extend();
      signal.throwIfAborted();
    },
  };

  const done = (async () => {
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: await handler(toJob(lease.row), ctx) };
    } catch (error) {
      outcome = { ok: false, error };
    } finally {
      clearInterval(beat);
    }
    try {
      return await settle(deps, lease, signal, outcome, log);
    } catch (error) {
      // The lease expires and another worker retries the job: at-least-once still holds.
      log.error({ err: error }, "could not record the job outcome");
      return null;
    }
  })();

  return { lease, done, interrupt };
}

/** Writes the outcome; resolves to the retry delay of a failed job queued again, else null. */
async function settle(
  deps: RunJobDeps,
  lease: Lease,
  signal: AbortSignal,
  outcome: Outcome,
  log: Logger,
): Promise<number | null> {
  const interruption = interruptionOf(signal);
  switch (interruption) {
    case "cancelled":
      if (await finishCancelled(deps.sql, lease)) log.info("job cancelled");
      return null;
    case "lease-lost":
      log.warn("job lease lost to another worker; its outcome is discarded");
      return null;
    case "shutdown":
      // Unless the handler finished anyway, the stopping queue releases the job for another worker.
      if (!outcome.ok) return null;
      break;
    case undefined:
      break;
    default:
      assertNever(interruption);
  }
  if (outcome.ok) {
    let resultJson: string;
    try {
      resultJson = JSON.stringify(outcome.value ?? null) ?? "null";
    } catch (error) {
      return fail(deps, lease, new Error("the job result is not JSON-serializable", { cause: error }), log);
    }
    if (await completeJob(deps.sql, lease, resultJson)) log.debug("job completed");
    else log.warn("job finished after its lease was lost; its result is discarded");
    return null;
  }
  return fail(deps, lease, outcome.error, log);
}

async function fail(deps: RunJobDeps, lease: Lease, error: unknown, log: Logger): Promise<number | null> {
  const delay = retryDelayMs(deps.retry, lease.row.attempts);
  const status = await failJob(deps.sql, lease, describeFailure(error), delay);
  if (status === "queued") {
    log.warn({ err: error, retryInMs: delay }, "job failed; it will be retried");
    return delay;
  }
  if (status !== undefined) log.warn({ err: error, status }, "job failed for good");
  return null;
}
