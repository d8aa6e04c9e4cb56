import type { Sql } from "../sql/port.js";
import type { JobRow } from "./job-row.js";

/** A claimed job: the row plus the lease token that alone may extend or finish it. */
export interface Lease {
  readonly row: JobRow;
  readonly token: string;
}

export interface ClaimOptions {
  queue: string;
  limit: number;
  /** Running jobs allowed per tenant, for tenants without an entry in `tenantLimits`. */
  tenantConcurrency: number;
  /** Per-tenant overrides of `tenantConcurrency`. */
  tenantLimits?: ReadonlyMap<string, number>;
  workerId: string;
  visibilityTimeoutMs: number;
}

/** The running-job limit of the tenant of the row aliased `alias`: its override, else the default ($4). */
const limitOf = (alias: string) =>
  `coalesce((SELECT l.max_running FROM limits l WHERE l.tenant_id = ${alias}.tenant_id), $4::int)`;
const leaseEnd = "now() + ($1::double precision * interval '1 millisecond')";
const unlocked = "locked_until = NULL, locked_by = NULL, lease_token = NULL, updated_at = now()";

/**
 * Claims up to `limit` runnable jobs of one queue: queued ones that are due, and running ones
 * whose lease expired (their worker died). Claims of a queue are serialized by an advisory lock,
 * so the per-tenant count of live leases (each tenant's `tenantLimits` entry, else
 * `tenantConcurrency`) cannot be exceeded by two claimers at once.
 */
export async function claimJobs(sql: Sql, options: ClaimOptions): Promise<Lease[]> {
  const limits = [...(options.tenantLimits ?? new Map<string, number>())];
  const rows = await sql.withSystem(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      `tributary.jobs:${sql.schema}:${options.queue}`,
    ]);
    // A job whose worker was lost on its last attempt is dead, not retried (it may be what kills
    // workers); one whose cancellation was requested ends cancelled.
    await tx.query(
      `UPDATE jobs SET
         status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'dead' END,
         last_error = CASE WHEN cancel_requested THEN last_error
           ELSE 'worker lost: the lease expired during attempt ' || attempts END,
         completed_at = now(), ${unlocked}
       WHERE queue = $1 AND status = 'running' AND locked_until <= now()
         AND (cancel_requested OR attempts >= max_attempts)`,
      [options.queue],
    );
    return tx.query<JobRow>(
      `WITH limits AS (
         SELECT * FROM unnest($7::text[], $8::int[]) AS l(tenant_id, max_running)
       ),
       busy AS (
         SELECT tenant_id, count(*)::int AS running FROM jobs
         WHERE queue = $2 AND status = 'running' AND locked_until > now() AND tenant_id IS NOT NULL
         GROUP BY tenant_id
       ),
       candidates AS (
         SELECT j.id, j.tenant_id, j.priority, j.run_at FROM jobs j
         WHERE j.queue = $2
           AND ((j.status = 'queued' AND j.run_at <= now()) OR (j.status = 'running' AND j.locked_until <= now()))
           AND NOT EXISTS (SELECT 1 FROM busy b WHERE b.tenant_id = j.tenant_id AND b.running >= ${limitOf("j")})
         ORDER BY j.priority DESC, j.run_at, j.id
         LIMIT $5::int
         FOR UPDATE OF j SKIP LOCKED
       ),
       ranked AS (
         SELECT c.id, c.tenant_id, c.priority, c.run_at,
           row_number() OVER (PARTITION BY c.tenant_id ORDER BY c.priority DESC, c.run_at, c.id) AS nth
         FROM candidates c
       ),
       chosen AS (
         SELECT r.id FROM ranked r LEFT JOIN busy b ON b.tenant_id = r.tenant_id
         WHERE r.tenant_id IS NULL OR coalesce(b.running, 0) + r.nth <= ${limitOf("r")}
         ORDER BY r.priority DESC, r.run_at, r.id
         LIMIT $3::int
       )
       UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $6,
         lease_token = gen_random_uuid(), locked_until = ${leaseEnd}, updated_at = now()
       FROM chosen WHERE jobs.id = chosen.id
       RETURNING jobs.*`,
      [
        options.visibilityTimeoutMs,
        options.queue,
        options.limit,
        options.tenantConcurrency,
        // Look past a tenant's backlog for other tenants' jobs, within reason.
        Math.max(options.limit * 10, 100),
        options.workerId,
        limits.map(([tenantId]) => tenantId),
        limits.map(([, limit]) => limit),
      ],
    );
  });
  return rows
    .map((row) => ({ row, token: String(row.lease_token) }))
    .sort((a, b) => b.row.priority - a.row.priority || a.row.run_at.getTime() - b.row.run_at.getTime());
}

export type HeartbeatOutcome = "held" | "cancel-requested" | "lost";

export async function extendLease(
  sql: Sql,
  lease: Lease,
  visibilityTimeoutMs: number,
): Promise<HeartbeatOutcome> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ cancel_requested: boolean }>(
      `UPDATE jobs SET locked_until = ${leaseEnd}, updated_at = now()
       WHERE id = $2 AND lease_token = $3 AND status = 'running'
       RETURNING cancel_requested`,
      [visibilityTimeoutMs, lease.row.id, lease.token],
    ),
  );
  if (!row) return "lost";
  return row.cancel_requested ? "cancel-requested" : "held";
}

/** Each finish applies only while the lease is still this worker's; false when it was lost. */
export async function completeJob(sql: Sql, lease: Lease, resultJson: string): Promise<boolean> {
  const rows = await sql.withSystem((tx) =>
    tx.query(
      `UPDATE jobs SET status = 'completed', result = $3::jsonb, completed_at = now(), ${unlocked}
       WHERE id = $1 AND lease_token = $2 AND status = 'running' RETURNING id`,
      [lease.row.id, lease.token, resultJson],
    ),
  );
  return rows.length === 1;
}

/**
 * Queued again after `retryDelayMs`, dead after the last attempt, cancelled when that was asked
 * for. Returns the new status, or undefined when the lease was lost.
 */
export async function failJob(
  sql: Sql,
  lease: Lease,
  error: string,
  retryDelayMs: number,
): Promise<string | undefined> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ status: string }>(
      `UPDATE jobs SET
         status = CASE WHEN cancel_requested THEN 'cancelled' WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END,
         run_at = CASE WHEN cancel_requested OR attempts >= max_attempts THEN run_at ELSE ${leaseEnd} END,
         completed_at = CASE WHEN cancel_requested OR attempts >= max_attempts THEN now() END,
         last_error = $4, ${unlocked}
       WHERE id = $2 AND lease_token = $3 AND status = 'running' RETURNING status`,
      [retryDelayMs, lease.row.id, lease.token, error],
    ),
  );
  return row?.status;
}

export async function finishCancelled(sql: Sql, lease: Lease): Promise<boolean> {
  const rows = await sql.withSystem((tx) =>
    tx.query(
      `UPDATE jobs SET status = 'cancelled', completed_at = now(), ${unlocked}
       WHERE id = $1 AND lease_token = $2 AND status = 'running' RETURNING id`,
      [lease.row.id, lease.token],
    ),
  );
  return rows.length === 1;
}

/** On shutdown: back to the queue for another worker; the interrupted attempt does not count. */
export async function releaseLeases(sql: Sql, leases: readonly Lease[]): Promise<void> {
  if (leases.length === 0) return;
  await sql.withSystem((tx) =>
    tx.query(
      `UPDATE jobs SET
         status = CASE WHEN cancel_requested THEN 'cancelled' ELSE 'queued' END,
         completed_at = CASE WHEN cancel_requested THEN now() END,
         attempts = greatest(attempts - 1, 0), run_at = now(), ${unlocked}
       FROM unnest($1::uuid[], $2::uuid[]) AS released(id, token)
       WHERE jobs.id = released.id AND jobs.lease_token = released.token AND jobs.status = 'running'`,
      [leases.map((l) => l.row.id), leases.map((l) => l.token)],
    ),
  );
}

/** The leased jobs whose cancellation was requested, e.g. by another process. */
export async function cancelRequestedAmong(sql: Sql, leases: readonly Lease[]): Promise<Set<string>> {
  if (leases.length === 0) return new Set();
  const rows = await sql.withSystem((tx) =>
    tx.query<{ id: string }>("SELECT id FROM jobs WHERE id = ANY($1::uuid[]) AND cancel_requested", [
      leases.map((l) => l.row.id),
    ]),
  );
  return new Set(rows.map((r) => r.id));
}
