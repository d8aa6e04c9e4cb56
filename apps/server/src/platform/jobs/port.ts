import type { SqlTx } from "../sql/port.js";

export const jobPriorities = ["low", "normal", "high", "critical"] as const;
/** Stored as 0..3 in that order; claims take the highest first. */
export type JobPriority = (typeof jobPriorities)[number];

/**
 * The closed status set (see migrations/0003_jobs.sql). A retry waiting out its backoff is
 * `queued` with `runAt` in the future; there is no separate `failed` state.
 */
export const jobStatuses = ["queued", "running", "completed", "dead", "cancelled"] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface Job {
  readonly id: string;
  readonly queue: string;
  /** Null for platform jobs that belong to no tenant. */
  readonly tenantId: string | null;
  readonly payload: unknown;
  readonly priority: JobPriority;
  readonly status: JobStatus;
  /** Claims so far, the current one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAt: Date;
  readonly lockedUntil: Date | null;
  readonly lockedBy: string | null;
  readonly cancelRequested: boolean;
  readonly dedupeKey: string | null;
  /** Message and stack of the latest failure, truncated. */
  readonly lastError: string | null;
  /** The handler's return value once completed. */
  readonly result: unknown;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly completedAt: Date | null;
}

export interface EnqueueInput {
  queue: string;
  /** Must survive JSON: it is stored as jsonb. */
  payload: unknown;
  tenantId?: string;
  priority?: JobPriority;
  /** Defaults to the configured `jobs.maxAttempts`. */
  maxAttempts?: number;
  /** Not before this time; defaults to now (database time). */
  runAt?: Date;
  /** While a job with this key is queued or running in the same queue and tenant, enqueue returns it instead. */
  dedupeKey?: string;
}

export interface EnqueuedJob {
  readonly id: string;
  /** True when an unfinished job with the same dedupe key already existed and was returned instead. */
  readonly deduplicated: boolean;
}

export interface JobContext {
  /** Fires when the job is cancelled, its lease was lost to another worker, or the queue is stopping. */
  readonly signal: AbortSignal;
  /** Extends the lease now (it is also extended automatically); throws the abort reason once `signal` fired. */
  heartbeat(): Promise<void>;
}

export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

/**
 * A tenant's limit of running jobs of one queue (e.g. from its quotas); undefined for the
 * queue-wide default (`jobs.tenantConcurrency`). Anything but a positive integer counts as undefined.
 */
export type TenantConcurrencyResolver = (
  tenantId: string,
) => Promise<number | undefined> | number | undefined;

export interface WorkOptions {
  /** Jobs of this queue run at once in this process; defaults to 1. */
  concurrency?: number;
  /**
   * Per-tenant limits of this queue's running jobs, across all workers; without it every tenant
   * has `jobs.tenantConcurrency`. Answers are cached for a few seconds, so a change applies soon,
   * not at once.
   */
  tenantConcurrencyOf?: TenantConcurrencyResolver;
}

export interface StopOptions {
  /** How long in-flight handlers may run on before their signal is aborted and their jobs released. */
  timeoutMs: number;
}

/** A durable job queue in the SQL database. Delivery is at least once: handlers must be idempotent. */
export interface JobQueue {
  /** Inside `tx` when given, so the job exists exactly when the state that needs it commits. */
  enqueue(input: EnqueueInput, tx?: SqlTx): Promise<EnqueuedJob>;
  /** Registers the handler of a queue; its jobs are claimed once `start` has been called. */
  work(queue: string, handler: JobHandler, options?: WorkOptions): void;
  start(): void;
  /** Stops claiming, waits for in-flight jobs up to the bound, then aborts and releases the rest. */
  stop(options: StopOptions): Promise<void>;
  /**
   * A queued job is cancelled at once; a running one is flagged and its handler's signal fires
   * within a poll interval (at once in this process). Returns the job as it then stands.
   * Inside a tenant's `tx`, row-level security limits it to that tenant's jobs.
   */
  cancel(id: string, tx?: SqlTx): Promise<Job | undefined>;
  get(id: string, tx?: SqlTx): Promise<Job | undefined>;
  /** Dead jobs, most recent first. */
  deadLetters(queue?: string, limit?: number): Promise<Job[]>;
  /** Queues a dead job again with its attempts reset; undefined when the job is not dead. */
  retryDead(id: string): Promise<Job | undefined>;
  /** Queued jobs per queue (handled queues included at 0), for the queue-depth gauge. */
  depth(): Promise<Record<string, number>>;
  /** Throws when the jobs table cannot be read. */
  ping(): Promise<void>;
}
