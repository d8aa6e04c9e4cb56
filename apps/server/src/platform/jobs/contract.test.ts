import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openTestSql } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import type { Sql } from "../sql/port.js";
import type { JobPriority, JobQueue } from "./port.js";
import { testQueues, uniqueQueueName } from "./testing/test-queues.js";

const services = testServices();
const postgresSkip = skipReason(services, "DATABASE_URL");
if (postgresSkip) console.info(`[skip] Jobs contract on PostgreSQL: ${postgresSkip}`);

/** Waits until the job has completed and returns it. */
function completed(jobs: JobQueue, id: string, what: string) {
  return waitFor(what, async () => {
    const job = await jobs.get(id);
    return job?.status === "completed" ? job : undefined;
  });
}

function jobsContract(kind: Sql["kind"]) {
  let sql: Sql;
  const queues = testQueues(() => sql);
  beforeAll(async () => {
    sql = await openTestSql(kind);
  });
  afterEach(() => queues.stopAll());
  afterAll(async () => {
    await sql?.close();
  });

  it("runs jobs by priority, then in the order they became due", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("prio");
    const order: JobPriority[] = ["low", "normal", "critical", "high", "normal"];
    for (const [i, priority] of order.entries())
      await jobs.enqueue({ queue: name, payload: { i }, priority });
    const ran: string[] = [];
    jobs.work(name, async (job) => {
      ran.push(`${job.priority}:${(job.payload as { i: number }).i}`);
    });
    jobs.start();
    await waitFor("all five jobs", () => ran.length === 5);
    expect(ran).toEqual(["critical:2", "high:3", "normal:1", "normal:4", "low:0"]);
  });

  it("retries a failing job with backoff, then stores the result of the attempt that succeeds", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("retry");
    const startedAt: number[] = [];
    jobs.work(name, async (job) => {
      startedAt.push(Date.now());
      if (job.attempts < 3) throw new Error(`flaky ${job.attempts}`);
      return { answer: 42 };
    });
    jobs.start();
    const { id } = await jobs.enqueue({ queue: name, payload: {} });
    const done = await completed(jobs, id, "completion");
    expect(done.attempts).toBe(3);
    expect(done.result).toEqual({ answer: 42 });
    expect(done.completedAt).toBeInstanceOf(Date);
    // Base 50 ms with jitter: at least 25 ms, then 50 ms, between attempts.
    const [first = 0, second = 0, third = 0] = startedAt;
    expect(second - first).toBeGreaterThanOrEqual(20);
    expect(third - second).toBeGreaterThanOrEqual(45);
  });

  it("runs a retry when it falls due, not at the next poll, however far away that is", async () => {
    const jobs = queues.open({ pollIntervalMs: 60_000 });
    const name = uniqueQueueName("retry-wake");
    let attempts = 0;
    jobs.work(name, async () => {
      attempts += 1;
      if (attempts < 3) throw new Error(`flaky ${attempts}`);
    });
    jobs.start();
    const { id } = await jobs.enqueue({ queue: name, payload: {} });
    const done = await completed(jobs, id, "completion without a poll");
    expect(done.attempts).toBe(3);
  });

  it("moves a job to the dead letters after max attempts, keeping its error, and can retry it", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("dead");
    let healthy = false;
    jobs.work(name, async (job) => {
      if (!healthy) throw new Error(`boom on attempt ${job.attempts}`);
      return "recovered";
    });
    jobs.start();
    const { id } = await jobs.enqueue({ queue: name, payload: { doomed: true }, maxAttempts: 2 });
    const dead = await waitFor("dead letter", async () => {
      const job = await jobs.get(id);
      return job?.status === "dead" ? job : undefined;
    });
    expect(dead.attempts).toBe(2);
    expect(dead.lastError).toContain("boom on attempt 2");
    expect(dead.lastError).toMatch(/\n\s+at /);
    expect((await jobs.deadLetters(name)).map((j) => j.id)).toEqual([id]);
    expect(await jobs.depth()).toMatchObject({ [name]: 0 });

    healthy = true;
    expect((await jobs.retryDead(id))?.status).toBe("queued");
    const revived = await completed(jobs, id, "revived job");
    expect(revived).toMatchObject({ attempts: 1, result: "recovered" });
    expect(await jobs.deadLetters(name)).toEqual([]);
    expect(await jobs.retryDead(id)).toBeUndefined();
  });

  it("returns the unfinished job holding a dedupe key instead of adding another", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("dedupe");
    const first = await jobs.enqueue({ queue: name, payload: 1, dedupeKey: "k" });
    const again = await jobs.enqueue({ queue: name, payload: 2, dedupeKey: "k" });
    expect(first.deduplicated).toBe(false);
    expect(again).toEqual({ id: first.id, deduplicated: true });
    const otherTenant = await jobs.enqueue({
      queue: name,
      payload: 3,
      dedupeKey: "k",
      tenantId: "tenant_dd",
    });
    expect(otherTenant.id).not.toBe(first.id);
    expect(await jobs.depth()).toMatchObject({ [name]: 2 });

    jobs.work(name, async () => "ok");
    jobs.start();
    await waitFor("first job done", async () => (await jobs.get(first.id))?.status === "completed");
    const afterFinish = await jobs.enqueue({ queue: name, payload: 4, dedupeKey: "k" });
    expect(afterFinish.deduplicated).toBe(false);
    expect(afterFinish.id).not.toBe(first.id);
  });

  it("enqueues within the caller's transaction, under the tenant's row-level security", async () => {
    const jobs = queues.open();
    const name = uniqueQueueName("tx");
    const tenant = `tenant_${Date.now()}tx`;
    await expect(
      sql.withTenant(tenant, async (tx) => {
        await jobs.enqueue({ queue: name, payload: "lost", tenantId: tenant }, tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await jobs.depth()).not.toHaveProperty(name);

    const { id } = await sql.withTenant(tenant, (tx) =>
      jobs.enqueue({ queue: name, payload: "kept", tenantId: tenant }, tx),
    );
    expect((await sql.withTenant(tenant, (tx) => jobs.get(id, tx)))?.payload).toBe("kept");
    expect(await sql.withTenant(`${tenant}other`, (tx) => jobs.get(id, tx))).toBeUndefined();
    await expect(
      sql.withTenant(tenant, (tx) =>
        jobs.enqueue({ queue: name, payload: "forged", tenantId: "someone_else" }, tx),
      ),
    ).rejects.toThrow(/row-level security/);
    // Platform jobs without a tenant are visible only to system work.
    const platformJob = await jobs.enqueue({ queue: name, payload: "platform" });
    expect(await sql.withTenant(tenant, (tx) => jobs.get(platformJob.id, tx))).toBeUndefined();
    expect((await jobs.get(platformJob.id))?.tenantId).toBeNull();
  });

  it("reports queue depth per queue and answers pings", async () => {
    const jobs = queues.open();
    const a = uniqueQueueName("depth-a");
    const b = uniqueQueueName("depth-b");
    await jobs.enqueue({ queue: a, payload: null });
    await jobs.enqueue({ queue: a, payload: null, runAt: new Date(Date.now() + 60_000) });
    await jobs.enqueue({ queue: b, payload: null });
    jobs.work(uniqueQueueName("depth-idle"), async () => undefined);
    const depth = await jobs.depth();
    expect(depth).toMatchObject({ [a]: 2, [b]: 1 });
    expect(Object.values(depth)).toContain(0);
    await jobs.ping();
    expect(await jobs.get("not-a-uuid")).toBeUndefined();
  });
}

describe.runIf(services.lane === "embedded")("Jobs contract: PGlite", () => jobsContract("pglite"));
describe.skipIf(postgresSkip !== undefined)("Jobs contract: PostgreSQL", () => jobsContract("postgres"));
