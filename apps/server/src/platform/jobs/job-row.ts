import { type Job, type JobPriority, type JobStatus, jobPriorities, jobStatuses } from "./port.js";

/** A `jobs` row as `pg` parses it (timestamptz as Date, jsonb as values). */
export interface JobRow {
  [column: string]: unknown;
  id: string;
  queue: string;
  tenant_id: string | null;
  payload: unknown;
  priority: number;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  locked_until: Date | null;
  locked_by: string | null;
  lease_token: string | null;
  cancel_requested: boolean;
  dedupe_key: string | null;
  last_error: string | null;
  result: unknown;
  created_at: Date;
  updated_at: Date;
  completed_at: Date | null;
}

export function priorityLevel(priority: JobPriority): number {
  return jobPriorities.indexOf(priority);
}

function priorityName(level: number): JobPriority {
  const name = jobPriorities[level];
  if (name === undefined) throw new Error(`jobs.priority ${level} is outside 0..3`);
  return name;
}

function statusName(value: string): JobStatus {
  const status = jobStatuses.find((s) => s === value);
  if (status === undefined) throw new Error(`jobs.status ${value} is not a known status`);
  return status;
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    queue: row.queue,
    tenantId: row.tenant_id,
    payload: row.payload,
    priority: priorityName(row.priority),
    status: statusName(row.status),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedUntil: row.locked_until,
    lockedBy: row.locked_by,
    cancelRequested: row.cancel_requested,
    dedupeKey: row.dedupe_key,
    lastError: row.last_error,
    result: row.result,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from callers (URLs); a malformed one is simply not found rather than a SQL error. */
export function isJobId(id: string): boolean {
  return uuidPattern.test(id);
}
