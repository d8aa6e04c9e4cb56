import { uuidv7 } from "uuidv7";
import { AppError } from "../errors/index.js";
import type { SqlTx } from "../sql/port.js";
import { isJobId, type JobRow, priorityLevel, toJob } from "./job-row.js";
import type { EnqueuedJob, EnqueueInput, Job } from "./port.js";

const unfinished = "status IN ('queued', 'running')";

/** Inserts a job, or returns the unfinished job that already holds its dedupe key. */
export async function insertJob(tx: SqlTx, input: EnqueueInput, maxAttempts: number): Promise<EnqueuedJob> {
  const tenantId = input.tenantId ?? null;
  const dedupeKey = input.dedupeKey ?? null;
  // The job holding the key may finish between the conflict and the look-up; then insert again.
  for (let round = 0; round < 3; round++) {
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO jobs (id, queue, tenant_id, payload, priority, max_attempts, run_at, dedupe_key)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, coalesce($7::timestamptz, now()), $8)
       ON CONFLICT (queue, (coalesce(tenant_id, '')), dedupe_key)
         WHERE dedupe_key IS NOT NULL AND ${unfinished} DO NOTHING
       RETURNING id`,
      [
        uuidv7(),
        input.queue,
        tenantId,
        JSON.stringify(input.payload ?? null),
        priorityLevel(input.priority ?? "normal"),
        input.maxAttempts ?? maxAttempts,
        input.runAt ?? null,
        dedupeKey,
      ],
    );
    if (inserted) return { id: inserted.id, deduplicated: false };
    const [existing] = await tx.query<{ id: string }>(
      `SELECT id FROM jobs WHERE queue = $1 AND coalesce(tenant_id, '') = coalesce($2, '')
         AND dedupe_key = $3 AND ${unfinished}`,
      [input.queue, tenantId, dedupeKey],
    );
    if (existing) return { id: existing.id, deduplicated: true };
  }
  throw new AppError("CONFLICT", `job dedupe key ${dedupeKey} of queue ${input.queue} keeps changing hands`);
}

export async function selectJob(tx: SqlTx, id: string): Promise<Job | undefined> {
  if (!isJobId(id)) return undefined;
  const [row] = await tx.query<JobRow>("SELECT * FROM jobs WHERE id = $1", [id]);
  return row ? toJob(row) : undefined;
}

/** Queued → cancelled now; running → flagged for its worker to stop. Finished jobs are left alone. */
export async function requestCancel(tx: SqlTx, id: string): Promise<Job | undefined> {
  if (!isJobId(id)) return undefined;
  const [row] = await tx.query<JobRow>(
    `UPDATE jobs SET
       status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
       completed_at = CASE WHEN status = 'queued' THEN now() ELSE completed_at END,
       cancel_requested = true, updated_at = now()
     WHERE id = $1 AND ${unfinished}
     RETURNING *`,
    [id],
  );
  return row ? toJob(row) : selectJob(tx, id);
}

export async function selectDeadJobs(tx: SqlTx, queue: string | undefined, limit: number): Promise<Job[]> {
  const rows = await tx.query<JobRow>(
    `SELECT * FROM jobs WHERE status = 'dead' AND ($1::text IS NULL OR queue = $1)
     ORDER BY updated_at DESC, id DESC LIMIT $2`,
    [queue ?? null, limit],
  );
  return rows.map(toJob);
}

export async function requeueDeadJob(tx: SqlTx, id: string): Promise<Job | undefined> {
  if (!isJobId(id)) return undefined;
  try {
    const [row] = await tx.query<JobRow>(
      `UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), completed_at = NULL,
         cancel_requested = false, updated_at = now()
       WHERE id = $1 AND status = 'dead'
       RETURNING *`,
      [id],
    );
    return row ? toJob(row) : undefined;
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new AppError("CONFLICT", "an unfinished job with the same dedupe key exists", { cause: error });
    }
    throw error;
  }
}

export async function countQueued(tx: SqlTx): Promise<Record<string, number>> {
  const rows = await tx.query<{ queue: string; n: number }>(
    "SELECT queue, count(*)::int AS n FROM jobs WHERE status = 'queued' GROUP BY queue",
  );
  return Object.fromEntries(rows.map((r) => [r.queue, r.n]));
}
