import { randomBytes } from "node:crypto";
import type { Config } from "../../../config/index.js";
import type { Sql } from "../../sql/port.js";
import { createLogger } from "../../telemetry/logger.js";
import { createJobQueue } from "../create-job-queue.js";
import type { JobQueue } from "../port.js";

/** Short timings so retries, polls and lease expiry happen within a test's patience. */
export const testJobTuning: Config["jobs"] = {
  visibilityTimeoutMs: 2_000,
  maxAttempts: 3,
  tenantConcurrency: 2,
  pollIntervalMs: 50,
};

export const testRetry = { baseDelayMs: 50, maxDelayMs: 200 };

/** Opens job queues on one database and stops them all after each test. */
export function testQueues(sql: () => Sql) {
  const opened: JobQueue[] = [];
  return {
    open(tuning: Partial<Config["jobs"]> = {}): JobQueue {
      const queue = createJobQueue({
        sql: sql(),
        tuning: { ...testJobTuning, ...tuning },
        logger: createLogger("silent"),
        retry: testRetry,
      });
      opened.push(queue);
      return queue;
    },
    async stopAll(): Promise<void> {
      await Promise.all(opened.splice(0).map((queue) => queue.stop({ timeoutMs: 2_000 })));
    },
  };
}

/** A queue name of its own per test: tests in a file share one database. */
export function uniqueQueueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}
