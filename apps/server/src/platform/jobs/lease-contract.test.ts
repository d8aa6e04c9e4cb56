import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openTestSql } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import type { Sql } from "../sql/port.js";
import { interruptionOf } from "./job-interruption.js";
import { claimJobs, completeJob, extendLease } from "./lease-store.js";
import { testQueues, uniqueQueueName } from "./testing/test-queues.js";

const services = testServices();
const postgresSkip = skipReason(services, "DATABASE_URL");
if (postgresSkip) console.info(`[skip] Jobs lease contract on PostgreSQL: ${postgresSkip}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when the signal fires, so a handler can hang until it is interrupted. */
const aborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));

function leaseContract(kind: Sql["kind"]) {
  let sql: Sql;
  const queues = testQueues(() => sql);
  beforeAll(async () => {
    sql = await openTestSql(kind);
  });
  afterEach(() => queues.stopAll());
  afterAll(async () => {
    await sql?.close();
  });

  it("never runs more of one tenant's jobs at once than its limit, across two workers", async () => {
    const name = uniqueQueueName("tenants");
    const workers = [queues.open({ tenantConcurrency: 2 }), queues.open({ tenantConcurrency: 2 })];
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    for (const worker of workers) {
      worker.work(
        name,
        async (job) => {
          const tenant = String(job.tenantId);
          const now = (running.get(tenant) ?? 0) + 1;
          running.set(tenant, now);
          peak.set(tenant, Math.max(peak.get(tenant) ?? 0, now));
          await sleep(60);
          running.set(tenant, (running.get(tenant) ?? 1) - 1);
        },
        { concurrency: 4 },
      );
    }
    const ids: string[] = [];
    for (let i = 0; i < 8; i++)
      ids.push((await workers[0]?.enqueue({ queue: name, payload: i, tenantId: "tenant_a" }))?.id ?? "");
    for (let i = 0; i < 3; i++)
      ids.push((await workers[0]?.enqueue({ queue: name, payload: i, tenantId: "tenant_b" }))?.id ?? "");
    for (const worker of workers) worker.start();
    await waitFor("all jobs done", async () => {
      const jobs = await Promise.all(ids.map((id) => workers[0]?.get(id)));
      return jobs.every((job) => job?.status === "completed");
    });
    expect(peak.get("tenant_a")).toBe(2);
    expect(peak.get("tenant_b")).toBeLessThanOrEqual(2);
  });

  it("cancels a queued job at once, so it never runs", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("cancel-queued");
    const { id } = await jobs.enqueue({ queue: name, payload: null });
    const cancelled = await jobs.cancel(id);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelRequested: true });
    const ran: string[] = [];
    jobs.work(name, async (job) => {
      ran.push(job.id);
    });
    jobs.start();
    const marker = await jobs.enqueue({ queue: name, payload: "after" });
    await waitFor("the next job", async () => (await jobs.get(marker.id))?.status === "completed");
    expect(ran).toEqual([marker.id]);
    expect((await jobs.get(id))?.attempts).toBe(0);
    expect(await jobs.cancel(id)).toMatchObject({ status: "cancelled" });
  });

  it("cancels a running job through its handler's signal, from this process or another", async () => {
    const worker = queues.open();
    const elsewhere = queues.open();
    const name = uniqueQueueName("cancel-running");
    const reasons = new Map<string, string | undefined>();
    const started = new Set<string>();
    worker.work(
      name,
      async (job, { signal }) => {
        started.add(job.id);
        await aborted(signal);
        reasons.set(job.id, interruptionOf(signal));
        throw signal.reason;
      },
      { concurrency: 2 },
    );
    worker.start();
    const local = await worker.enqueue({ queue: name, payload: "local" });
    const remote = await worker.enqueue({ queue: name, payload: "remote" });
    await waitFor("both handlers started", () => started.size === 2);

    expect(await worker.cancel(local.id)).toMatchObject({ status: "running", cancelRequested: true });
    // `elsewhere` runs no handler for the job: the worker learns of it by polling the database.
    await elsewhere.cancel(remote.id);
    for (const id of [local.id, remote.id]) {
      const job = await waitFor("cancelled job", async () => {
        const current = await worker.get(id);
        return current?.status === "cancelled" ? current : undefined;
      });
      expect(job.attempts).toBe(1);
      expect(reasons.get(id)).toBe("cancelled");
    }
  });

  it("refuses a lease that was taken over: a stale worker can neither extend nor complete the job", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("stale");
    const { id } = await jobs.enqueue({ queue: name, payload: null });
    const claim = (workerId: string) =>
      claimJobs(sql, { queue: name, limit: 1, tenantConcurrency: 2, workerId, visibilityTimeoutMs: 60_000 });
    const [stale] = await claim("stale-worker");
    if (!stale) throw new Error("no job claimed");
    expect(await claim("other-worker")).toEqual([]);
    // The stale worker stalls past its lease (simulated by expiring it in the database).
    await sql.withSystem((tx) =>
      tx.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [id]),
    );
    const [fresh] = await claim("fresh-worker");
    expect(fresh?.row).toMatchObject({ id, attempts: 2, locked_by: "fresh-worker" });
    if (!fresh) throw new Error("no job reclaimed");

    expect(await extendLease(sql, stale, 60_000)).toBe("lost");
    expect(await completeJob(sql, stale, JSON.stringify("stale"))).toBe(false);
    expect(await completeJob(sql, fresh, JSON.stringify("fresh"))).toBe(true);
    expect(await jobs.get(id)).toMatchObject({ status: "completed", result: "fresh", attempts: 2 });
  });

  it("ends a job whose worker was lost on its last attempt as dead, and one being cancelled as cancelled", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("lost");
    const lost = await jobs.enqueue({ queue: name, payload: null, maxAttempts: 1 });
    const cancelling = await jobs.enqueue({ queue: name, payload: null });
    const claim = (workerId: string) =>
      claimJobs(sql, { queue: name, limit: 2, tenantConcurrency: 2, workerId, visibilityTimeoutMs: 60_000 });
    expect(await claim("doomed-worker")).toHaveLength(2);
    await jobs.cancel(cancelling.id);
    // The worker dies: its leases run out.
    await sql.withSystem((tx) =>
      tx.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE queue = $1", [name]),
    );
    expect(await claim("next-worker")).toEqual([]);
    const dead = await jobs.get(lost.id);
    expect(dead).toMatchObject({ status: "dead", attempts: 1, lockedBy: null });
    expect(dead?.lastError).toContain("worker lost");
    expect(await jobs.get(cancelling.id)).toMatchObject({ status: "cancelled", attempts: 1 });
  });

  it("keeps a long job's lease alive while its handler runs, so no other worker takes it", async () => {
    const name = uniqueQueueName("heartbeat");
    const workers = [queues.open({ visibilityTimeoutMs: 300 }), queues.open({ visibilityTimeoutMs: 300 })];
    let runs = 0;
    for (const worker of workers) {
      worker.work(name, async (_job, ctx) => {
        runs++;
        await sleep(500);
        await ctx.heartbeat();
        await sleep(500);
        return "done";
      });
      worker.start();
    }
    const { id } = (await workers[0]?.enqueue({ queue: name, payload: null })) ?? { id: "" };
    const job = await waitFor("completion", async () => {
      const current = await workers[1]?.get(id);
      return current?.status === "completed" ? current : undefined;
    });
    expect(job.attempts).toBe(1);
    expect(runs).toBe(1);
  });

  it("stops gracefully: waits for in-flight jobs within the bound", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("stop-wait");
    let started = false;
    jobs.work(name, async () => {
      started = true;
      await sleep(150);
      return "finished";
    });
    jobs.start();
    const { id } = await jobs.enqueue({ queue: name, payload: null });
    await waitFor("handler start", () => started);
    await jobs.stop({ timeoutMs: 5_000 });
    expect(await jobs.get(id)).toMatchObject({ status: "completed", result: "finished" });
  });

  it("stops gracefully: past the bound, aborts handlers and releases their jobs to the queue", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("stop-abort");
    let reason: string | undefined;
    let started = false;
    jobs.work(name, async (_job, { signal }) => {
      started = true;
      await aborted(signal);
      reason = interruptionOf(signal);
      throw signal.reason;
    });
    jobs.start();
    const { id } = await jobs.enqueue({ queue: name, payload: null });
    await waitFor("handler start", () => started);
    await jobs.stop({ timeoutMs: 100 });
    expect(reason).toBe("shutdown");
    expect(await jobs.get(id)).toMatchObject({ status: "queued", attempts: 0, lockedBy: null });

    const next = queues.open();
    next.work(name, async () => "picked up");
    next.start();
    await waitFor("another worker completes it", async () => (await next.get(id))?.status === "completed");
  });
}

describe.runIf(services.lane === "embedded")("Jobs lease contract: PGlite", () => leaseContract("pglite"));
describe.skipIf(postgresSkip !== undefined)("Jobs lease contract: PostgreSQL", () =>
  leaseContract("postgres"),
);
