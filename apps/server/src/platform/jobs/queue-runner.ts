import type { InterruptionReason } from "./job-interruption.js";
import { cancelRequestedAmong, claimJobs, type Lease, releaseLeases } from "./lease-store.js";
import type { JobHandler, TenantConcurrencyResolver } from "./port.js";
import { type RunJobDeps, type RunningJob, runJob } from "./run-job.js";
import { TenantLimits, unresolvedTenantLimit } from "./tenant-limits.js";

export interface QueueRunnerDeps extends RunJobDeps {
  readonly workerId: string;
  readonly pollIntervalMs: number;
  readonly tenantConcurrency: number;
}

/** Claims and runs the jobs of one queue in this process, up to `concurrency` at once. */
export class QueueRunner {
  /** Keyed by lease token: a job reclaimed here while its stale run winds down appears twice. */
  private readonly running = new Map<string, RunningJob>();
  private loopDone: Promise<void> | undefined;
  private stopping = false;
  private wakePending = false;
  private wakeUp: (() => void) | undefined;
  private lastCancelCheck = 0;
  private readonly tenantLimits: TenantLimits | undefined;

  constructor(
    readonly queue: string,
    private readonly handler: JobHandler,
    private readonly concurrency: number,
    private readonly deps: QueueRunnerDeps,
    tenantConcurrencyOf?: TenantConcurrencyResolver,
  ) {
    this.tenantLimits = tenantConcurrencyOf
      ? new TenantLimits(tenantConcurrencyOf, deps.tenantConcurrency, deps.logger)
      : undefined;
  }

  start(): void {
    this.loopDone ??= this.loop();
  }

  /** Claim now rather than at the next poll, e.g. after an enqueue in this process. */
  wake(): void {
    this.wakePending = true;
    this.wakeUp?.();
  }

  /** Interrupts this process's run of the job, if any; true when there was one. */
  interrupt(jobId: string, reason: InterruptionReason): boolean {
    let found = false;
    for (const run of this.running.values()) {
      if (run.lease.row.id !== jobId) continue;
      run.interrupt(reason);
      found = true;
    }
    return found;
  }

  async stop(deadline: number): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loopDone;
    const inFlight = [...this.running.values()];
    if (await settlesBefore(Promise.all(inFlight.map((run) => run.done)), deadline)) return;
    const rest = [...this.running.values()];
    for (const run of rest) run.interrupt("shutdown");
    await releaseLeases(
      this.deps.sql,
      rest.map((run) => run.lease),
    );
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const free = this.concurrency - this.running.size;
      let claimedAll = false;
      if (free > 0) {
        try {
          const limits = this.tenantLimits;
          const leases = await claimJobs(this.deps.sql, {
            queue: this.queue,
            limit: free,
            ...(limits
              ? { tenantConcurrency: unresolvedTenantLimit, tenantLimits: limits.current() }
              : { tenantConcurrency: this.deps.tenantConcurrency }),
            workerId: this.deps.workerId,
            visibilityTimeoutMs: this.deps.visibilityTimeoutMs,
          });
          for (const lease of leases) this.launch(lease);
          // A full batch suggests more are due: claim again as soon as a slot frees. So does a
          // tenant limit learnt just now: that tenant may have more jobs waiting.
          const learnt = await limits?.learn(leases.map((lease) => lease.row.tenant_id));
          claimedAll = leases.length === free || learnt === true;
        } catch (error) {
          this.deps.logger.error({ err: error, queue: this.queue }, "claiming jobs failed");
        }
      }
      await this.checkCancellations();
      if (!claimedAll) await this.sleep(this.deps.pollIntervalMs);
    }
  }

  private launch(lease: Lease): void {
    const run = runJob(this.deps, lease, this.handler);
    this.running.set(lease.token, run);
    void run.done.then((retryInMs) => {
      this.running.delete(lease.token);
      this.wake();
      // A retry queued here is claimed when it falls due, not at the next poll, which on the
      // embedded database is seconds away (no other process enqueues there).
      if (retryInMs !== null && !this.stopping) setTimeout(() => this.wake(), retryInMs).unref();
    });
  }

  /** Cancellations requested from other processes reach handlers within a poll interval. */
  private async checkCancellations(): Promise<void> {
    if (this.running.size === 0 || Date.now() - this.lastCancelCheck < this.deps.pollIntervalMs) return;
    this.lastCancelCheck = Date.now();
    const runs = [...this.running.values()];
    try {
      const cancelled = await cancelRequestedAmong(
        this.deps.sql,
        runs.map((run) => run.lease),
      );
      for (const run of runs) if (cancelled.has(run.lease.row.id)) run.interrupt("cancelled");
    } catch (error) {
      this.deps.logger.warn({ err: error, queue: this.queue }, "checking for cancellations failed");
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.wakePending = false;
        resolve();
      };
      // Not unref'd: a started queue keeps the process alive until it is stopped.
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

async function settlesBefore(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
