import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openTestSql } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import type { Sql } from "../sql/port.js";
import type { JobQueue } from "./port.js";
import { testQueues, uniqueQueueName } from "./testing/test-queues.js";

const services = testServices();
const postgresSkip = skipReason(services, "DATABASE_URL");
if (postgresSkip) console.info(`[skip] Jobs per-tenant concurrency on PostgreSQL: ${postgresSkip}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts each tenant's jobs running at once (across every worker given this tracker). */
function concurrencyTracker() {
  const running = new Map<string, number>();
  const peak = new Map<string, number>();
  return {
    peak,
    async run(tenantId: string | null, ms: number) {
      const tenant = String(tenantId);
      const now = (running.get(tenant) ?? 0) + 1;
      running.set(tenant, now);
      peak.set(tenant, Math.max(peak.get(tenant) ?? 0, now));
      await sleep(ms);
      running.set(tenant, (running.get(tenant) ?? 1) - 1);
    },
  };
}

async function enqueueMany(jobs: JobQueue, queue: string, tenantId: string, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await jobs.enqueue({ queue, payload: i, tenantId })).id);
  return ids;
}

async function allCompleted(jobs: JobQueue, ids: readonly string[]) {
  const found = await Promise.all(ids.map((id) => jobs.get(id)));
  return found.every((job) => job?.status === "completed");
}

function tenantConcurrencyContract(kind: Sql["kind"]) {
  let sql: Sql;
  const queues = testQueues(() => sql);
  beforeAll(async () => {
    sql = await openTestSql(kind);
  });
  afterEach(() => queues.stopAll());
  afterAll(async () => {
    await sql?.close();
  });

  it("holds each tenant to the limit its resolver gives, across two workers; others get the default", async () => {
    const name = uniqueQueueName("tenant-limits");
    // The queue-wide default is 2 (test tuning); each worker could run 6 at once.
    const limits: Record<string, number | undefined> = { tenant_one: 1, tenant_three: 3, tenant_zero: 0 };
    const asked: string[] = [];
    const resolver = (tenantId: string) => {
      asked.push(tenantId);
      return limits[tenantId];
    };
    const workers = [queues.open(), queues.open()];
    const tracker = concurrencyTracker();
    for (const worker of workers) {
      worker.work(name, (job) => tracker.run(job.tenantId, 80), {
        concurrency: 6,
        tenantConcurrencyOf: resolver,
      });
    }
    const [first] = workers;
    if (!first) throw new Error("no worker");
    const ids = [
      ...(await enqueueMany(first, name, "tenant_one", 6)),
      ...(await enqueueMany(first, name, "tenant_three", 8)),
      ...(await enqueueMany(first, name, "tenant_default", 6)),
      ...(await enqueueMany(first, name, "tenant_zero", 6)),
    ];
    for (const worker of workers) worker.start();
    await waitFor("all jobs done", () => allCompleted(first, ids), 20_000);

    expect(tracker.peak.get("tenant_one")).toBe(1);
    expect(tracker.peak.get("tenant_three")).toBe(3);
    expect(tracker.peak.get("tenant_default")).toBe(2);
    // 0 is "no quota set": the default applies.
    expect(tracker.peak.get("tenant_zero")).toBe(2);
    // Cached: each worker asks about each tenant about once, not once per claim.
    for (const tenant of Object.keys(limits)) {
      expect(asked.filter((id) => id === tenant).length).toBeLessThanOrEqual(4);
    }
  });

  it("falls back to the default limit when the resolver fails", async () => {
    const name = uniqueQueueName("tenant-limit-error");
    const jobs = queues.open();
    const tracker = concurrencyTracker();
    jobs.work(name, (job) => tracker.run(job.tenantId, 60), {
      concurrency: 4,
      tenantConcurrencyOf: async () => {
        throw new Error("quota store unavailable");
      },
    });
    const ids = await enqueueMany(jobs, name, "tenant_unknown", 6);
    jobs.start();
    await waitFor("all jobs done", () => allCompleted(jobs, ids), 15_000);
    expect(tracker.peak.get("tenant_unknown")).toBe(2);
  });

  it("leaves queues without a resolver, and platform jobs without a tenant, on the default", async () => {
    const name = uniqueQueueName("tenant-limit-none");
    const jobs = queues.open({ tenantConcurrency: 3 });
    const tracker = concurrencyTracker();
    jobs.work(name, (job) => tracker.run(job.tenantId, 60), {
      concurrency: 5,
      tenantConcurrencyOf: () => 1,
    });
    const other = uniqueQueueName("tenant-limit-plain");
    const plainTracker = concurrencyTracker();
    jobs.work(other, (job) => plainTracker.run(job.tenantId, 60), { concurrency: 5 });
    const ids = [...(await enqueueMany(jobs, other, "tenant_plain", 6))];
    for (let i = 0; i < 5; i++) ids.push((await jobs.enqueue({ queue: name, payload: i })).id);
    jobs.start();
    await waitFor("all jobs done", () => allCompleted(jobs, ids), 15_000);
    expect(plainTracker.peak.get("tenant_plain")).toBe(3);
    // Tenant-less jobs have no per-tenant limit: only the worker's concurrency bounds them.
    expect(tracker.peak.get("null")).toBe(5);
  });
}

describe.runIf(services.lane === "embedded")("Jobs per-tenant concurrency: PGlite", () =>
  tenantConcurrencyContract("pglite"),
);
describe.skipIf(postgresSkip !== undefined)("Jobs per-tenant concurrency: PostgreSQL", () =>
  tenantConcurrencyContract("postgres"),
);
