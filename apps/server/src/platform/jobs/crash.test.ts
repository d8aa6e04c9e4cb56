import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openTestSql, testDatabaseUrl } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import type { Sql } from "../sql/port.js";
import { createLogger } from "../telemetry/logger.js";
import { createJobQueue } from "./create-job-queue.js";
import {
  type CrashTarget,
  type CrashWorkerArgs,
  effectsTable,
  openCrashTarget,
} from "./testing/crash-target.js";
import { testJobTuning, testRetry, uniqueQueueName } from "./testing/test-queues.js";

const services = testServices();
const postgresSkip = skipReason(services, "DATABASE_URL");
if (postgresSkip) console.info(`[skip] Jobs crash recovery on PostgreSQL: ${postgresSkip}`);

const serverRoot = fileURLToPath(new URL("../../../", import.meta.url));
const crashWorker = fileURLToPath(new URL("./testing/crash-worker.ts", import.meta.url));
const visibilityTimeoutMs = 1_000;

/** Resolves with the job id the child announces once its handler runs; rejects if it dies first. */
function jobStartedIn(child: ChildProcess, timeoutMs: number): Promise<string> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no job started within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    child.once("exit", (code) => reject(new Error(`crash worker exited early with ${code}\n${stderr}`)));
    if (!child.stdout) return reject(new Error("crash worker has no stdout"));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^started (\S+)$/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** A database for the two processes, and how the parent opens it once the child is dead. */
async function prepareTarget(
  kind: Sql["kind"],
): Promise<{ target: CrashTarget; open: () => Promise<Sql>; cleanup: () => Promise<void> }> {
  if (kind === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "tributary-jobs-crash-"));
    const target: CrashTarget = { kind, dataDir: path.join(dir, "pgdata") };
    return {
      target,
      open: () => openCrashTarget(target),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  // Both processes share one migrated test schema on the server; closing it drops the schema.
  const sql = await openTestSql(kind);
  const target: CrashTarget = { kind, url: await testDatabaseUrl(kind), schema: sql.schema };
  return { target, open: async () => sql, cleanup: async () => {} };
}

function crashRecovery(kind: Sql["kind"]) {
  it("reclaims the job of a worker killed mid-run once its lease expires, and completes it once", {
    timeout: 45_000,
  }, async () => {
    const queue = uniqueQueueName("crash");
    const { target, open, cleanup } = await prepareTarget(kind);
    try {
      const args: CrashWorkerArgs = { target, queue, visibilityTimeoutMs };
      const child = spawn(process.execPath, ["--import", "tsx", crashWorker, JSON.stringify(args)], {
        cwd: serverRoot,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let jobId: string;
      try {
        jobId = await jobStartedIn(child, 30_000);
      } finally {
        await killHard(child);
      }

      const sql = await open();
      const jobs = createJobQueue({
        sql,
        tuning: { ...testJobTuning, visibilityTimeoutMs },
        logger: createLogger("silent"),
        retry: testRetry,
      });
      try {
        expect(await jobs.get(jobId)).toMatchObject({ status: "running", attempts: 1 });
        jobs.work(queue, async (job) => {
          await sql.withSystem((tx) =>
            tx.query(`INSERT INTO ${effectsTable} (job_id, attempt) VALUES ($1, $2)`, [job.id, job.attempts]),
          );
          return "recovered";
        });
        jobs.start();
        const done = await waitFor(
          "the reclaimed job to complete",
          async () => {
            const job = await jobs.get(jobId);
            return job?.status === "completed" ? job : undefined;
          },
          15_000,
        );
        expect(done).toMatchObject({ attempts: 2, result: "recovered" });
        const effects = await sql.query(`SELECT job_id, attempt FROM ${effectsTable}`);
        expect(effects).toEqual([{ job_id: jobId, attempt: 2 }]);
      } finally {
        await jobs.stop({ timeoutMs: 2_000 });
        await sql.close();
      }
    } finally {
      await cleanup();
    }
  });
}

describe.runIf(services.lane === "embedded")("Jobs crash recovery: PGlite", () => crashRecovery("pglite"));
describe.skipIf(postgresSkip !== undefined)("Jobs crash recovery: PostgreSQL", () =>
  crashRecovery("postgres"),
);
