import { createHash } from "node:crypto";
import type { Sql, SqlTx } from "../platform/sql/index.js";
import type { Logger } from "../platform/telemetry/logger.js";

/** A periodic task; it runs inside the transaction that holds its lock, so it must be short. */
export interface ScheduledTask {
  readonly name: string;
  readonly everyMs: number;
  run(tx: SqlTx): Promise<void>;
}

export interface Scheduler {
  start(): void;
  stop(): Promise<void>;
  /** Runs every due task once now (tests, and the first tick). */
  tick(): Promise<void>;
}

/**
 * Runs periodic maintenance. Any number of scheduler nodes may run: a transaction-scoped advisory
 * lock plus the recorded last run make each task run once per interval across all of them.
 */
export function createScheduler(
  sql: Sql,
  logger: Logger,
  tasks: readonly ScheduledTask[],
  tickMs = 5_000,
): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const runTask = (task: ScheduledTask) =>
    sql.withSystem(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
        lockKey(task.name),
      ]);
      if (!lock?.locked) return;
      const due = await tx.query(
        `INSERT INTO scheduled_task_runs (name, last_run_at) VALUES ($1, now())
         ON CONFLICT (name) DO UPDATE SET last_run_at = now()
         WHERE scheduled_task_runs.last_run_at < now() - make_interval(secs => $2::double precision / 1000)
         RETURNING name`,
        [task.name, task.everyMs],
      );
      if (due.length > 0) await task.run(tx);
    });

  const tick = async () => {
    for (const task of tasks) {
      await runTask(task).catch((error: unknown) =>
        logger.error({ err: error, task: task.name }, "scheduled task failed"),
      );
    }
  };

  return {
    start() {
      running = tick();
      timer = setInterval(() => {
        running = running.then(tick);
      }, tickMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
    tick,
  };
}

function lockKey(name: string): string {
  // A stable signed 64-bit key per task name.
  return createHash("sha256").update(`tributary:scheduler:${name}`).digest().readBigInt64BE(0).toString();
}
