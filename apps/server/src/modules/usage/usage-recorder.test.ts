import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../platform/sql/index.js";
import { testGate } from "../../testing/gate.js";
import { openTestSql } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import { decodeUsageRow } from "./encode-usage-row.js";
import { spentSince } from "./spent-since.js";
import { capturingLogger, usageRecord } from "./testing/usage-fixtures.js";
import type { UsageRow } from "./usage-record.js";
import { createUsageRecorder, type UsageRecorderOptions, usageWriteChannel } from "./usage-recorder.js";
import type { UsageWriter } from "./write-usage-batch.js";

const hour = 3_600_000;
let sql: Sql;
beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  await sql?.close();
});

/** A writer that keeps what it was given and can be made to fail or to hang. */
function fakeWriter() {
  const written: UsageRow[] = [];
  const calls: number[] = [];
  let failNext = 0;
  const gate = testGate();
  const write: UsageWriter = async (rows) => {
    calls.push(rows.length);
    await gate.pass();
    if (failNext > 0) {
      failNext -= 1;
      throw new Error("database unavailable");
    }
    written.push(...rows.map(decodeUsageRow));
  };
  return {
    write,
    written,
    calls,
    failTimes(n: number) {
      failNext = n;
    },
    hold: gate.hold,
    release: gate.release,
  };
}

function recorder(overrides: Partial<UsageRecorderOptions> & { write: UsageWriter }) {
  return createUsageRecorder({
    sql,
    logger: capturingLogger().logger,
    bufferSize: 100,
    flushIntervalMs: hour,
    retry: { initialMs: 5, maxMs: 20 },
    ...overrides,
  });
}

describe("UsageRecorder", () => {
  it("buffers without making the caller wait, and writes the batch on flush", async () => {
    const writer = fakeWriter();
    const usage = recorder({ write: writer.write });
    const results = [usage.record(usageRecord()), usage.record(usageRecord()), usage.record(usageRecord())];
    expect(results).toEqual([undefined, undefined, undefined]);
    expect(usage.pending).toBe(3);
    expect(writer.written).toHaveLength(0);
    await usage.flush();
    expect(writer.written).toHaveLength(3);
    expect(writer.calls).toEqual([3]);
    expect(usage.pending).toBe(0);
    await usage.close();
  });

  it("writes on its interval, and as soon as the buffer is half full", async () => {
    const timed = fakeWriter();
    const onTimer = recorder({ write: timed.write, flushIntervalMs: 20 });
    onTimer.record(usageRecord());
    await waitFor("the interval flush", () => timed.written.length === 1);
    await onTimer.close();

    const eager = fakeWriter();
    const halfFull = recorder({ write: eager.write, bufferSize: 4 });
    halfFull.record(usageRecord());
    expect(eager.calls).toEqual([]);
    halfFull.record(usageRecord());
    await waitFor("the half-full flush", () => eager.written.length === 2);
    await halfFull.close();
  });

  it("splits large buffers into batches of batchSize rows", async () => {
    const writer = fakeWriter();
    const usage = recorder({ write: writer.write, batchSize: 2 });
    for (let i = 0; i < 5; i++) usage.record(usageRecord());
    await usage.flush();
    expect(writer.calls).toEqual([2, 2, 1]);
    await usage.close();
  });

  it("leaves records that arrive during a write to the next tick, so they go in one batch", async () => {
    const writer = fakeWriter();
    writer.hold();
    const usage = recorder({ write: writer.write });
    usage.record(usageRecord());
    const first = usage.flush();
    for (let i = 0; i < 5; i++) usage.record(usageRecord());
    writer.release();
    await first;
    expect(writer.calls).toEqual([1]);
    expect(usage.pending).toBe(5);
    await usage.flush();
    expect(writer.calls).toEqual([1, 5]);
    await usage.close();
  });

  it("writes at once what arrived during a write that outlasted a tick", async () => {
    const writer = fakeWriter();
    writer.hold();
    const usage = recorder({ write: writer.write, flushIntervalMs: 5 });
    usage.record(usageRecord());
    await waitFor("the first write", () => writer.calls.length === 1);
    usage.record(usageRecord());
    await new Promise((resolve) => setTimeout(resolve, 30));
    writer.release();
    await waitFor("both records", () => writer.written.length === 2);
    expect(writer.calls).toEqual([1, 1]);
    await usage.close();
  });

  it("applies backpressure when full instead of dropping, and keeps arrival order", async () => {
    const writer = fakeWriter();
    writer.hold();
    const usage = recorder({ write: writer.write, bufferSize: 2 });
    const ids = Array.from({ length: 4 }, () => crypto.randomUUID());
    expect(usage.record(usageRecord({ id: ids[0] }))).toBeUndefined();
    expect(usage.record(usageRecord({ id: ids[1] }))).toBeUndefined();
    const third = usage.record(usageRecord({ id: ids[2] }));
    const fourth = usage.record(usageRecord({ id: ids[3] }));
    expect(third).toBeInstanceOf(Promise);
    expect(fourth).toBeInstanceOf(Promise);
    let admitted = false;
    void third?.then(() => {
      admitted = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(admitted).toBe(false);
    expect(usage.pending).toBe(4);
    writer.release();
    await Promise.all([third, fourth]);
    await usage.flush();
    expect(writer.written.map((row) => row.id)).toEqual(ids);
    await usage.close();
  });

  it("keeps failed batches buffered and retries them with backoff", async () => {
    const { logger, lines } = capturingLogger();
    const writer = fakeWriter();
    writer.failTimes(3);
    const usage = recorder({ write: writer.write, logger });
    usage.record(usageRecord({ requestId: "first" }));
    usage.record(usageRecord({ requestId: "second" }));
    await expect(usage.flush()).rejects.toThrow("database unavailable");
    expect(usage.pending).toBe(2);
    await waitFor("the retried write", () => writer.written.length === 2);
    expect(writer.written.map((row) => row.request_id)).toEqual(["first", "second"]);
    expect(writer.calls.length).toBe(4);
    expect(lines().filter((line) => line.level === 40)).toHaveLength(3);
    await usage.close();
  });

  it("drains everything on close, then refuses new records", async () => {
    const writer = fakeWriter();
    writer.failTimes(1);
    const usage = recorder({ write: writer.write, batchSize: 3 });
    for (let i = 0; i < 7; i++) usage.record(usageRecord());
    await usage.close();
    expect(writer.written).toHaveLength(7);
    expect(usage.pending).toBe(0);
    expect(() => usage.record(usageRecord())).toThrow(/closed/);
  });

  it("logs in full what it could not write before the close deadline", async () => {
    const { logger, lines } = capturingLogger();
    const writer = fakeWriter();
    writer.failTimes(1_000);
    const usage = recorder({ write: writer.write, logger, closeTimeoutMs: 50, bufferSize: 1 });
    usage.record(usageRecord({ requestId: "kept" }));
    const waiting = usage.record(usageRecord({ requestId: "waiting" }));
    await usage.close();
    await waiting;
    const lost = lines().find((line) => line.level === 50);
    expect(lost?.count).toBe(2);
    expect(((lost?.usage_records ?? []) as UsageRow[]).map((row) => row.request_id)).toEqual([
      "kept",
      "waiting",
    ]);
  });

  it("sets aside a row the database refuses as bad data, logging it, and writes the rest", async () => {
    const { logger, lines } = capturingLogger();
    const written: string[] = [];
    const usage = recorder({
      logger,
      write: async (rows) => {
        const decoded = rows.map(decodeUsageRow);
        if (decoded.some((row) => row.request_id === "poison"))
          throw Object.assign(new Error("numeric field overflow"), { code: "22003" });
        written.push(...decoded.map((row) => row.request_id));
      },
    });
    for (const requestId of ["a", "poison", "b"]) usage.record(usageRecord({ requestId }));
    await usage.flush();
    expect(written).toEqual(["a", "b"]);
    const dropped = lines().find((line) => line.level === 50);
    expect(((dropped?.usage_records ?? []) as UsageRow[])[0]?.request_id).toBe("poison");
    await usage.close();
  });

  it("announces each batch write's start and end on the tributary:usage:write channel, failed ones too", async () => {
    const seen: Array<{ phase: string; rows: number; written: number }> = [];
    const writer = fakeWriter();
    const listener = (message: unknown) => {
      const { phase, rows } = message as { phase: string; rows: number };
      seen.push({ phase, rows, written: writer.written.length });
    };
    subscribe("tributary:usage:write", listener);
    try {
      expect(usageWriteChannel.name).toBe("tributary:usage:write");
      const usage = recorder({ write: writer.write, batchSize: 2 });
      for (let i = 0; i < 3; i++) usage.record(usageRecord());
      await usage.flush();
      writer.failTimes(1);
      usage.record(usageRecord());
      await expect(usage.flush()).rejects.toThrow("database unavailable");
      await usage.close();
    } finally {
      unsubscribe("tributary:usage:write", listener);
    }
    expect(seen.slice(0, 6)).toEqual([
      { phase: "start", rows: 2, written: 0 },
      { phase: "end", rows: 2, written: 2 },
      { phase: "start", rows: 1, written: 2 },
      { phase: "end", rows: 1, written: 3 },
      { phase: "start", rows: 1, written: 3 },
      { phase: "end", rows: 1, written: 3 },
    ]);
  });

  it("rejects an invalid record at once, naming the field", () => {
    const usage = recorder({ write: fakeWriter().write });
    expect(() => usage.record(usageRecord({ inputTokens: -1 }))).toThrow(/inputTokens/);
    expect(() => usage.record(usageRecord({ userId: "not-a-uuid" }))).toThrow(TypeError);
    expect(() => usage.record(usageRecord({ guardrail: { big: 1n } }))).toThrow(/guardrail/);
    expect(usage.pending).toBe(0);
    return usage.close();
  });

  it("feeds token and cost counters once per record", async () => {
    const tokens = new Map<string, number>();
    let cost = 0;
    const usage = recorder({
      write: fakeWriter().write,
      metrics: {
        tokens: (tokenClass, count) => tokens.set(tokenClass, (tokens.get(tokenClass) ?? 0) + count),
        cost: (usd) => {
          cost += usd;
        },
      },
    });
    usage.record(
      usageRecord({ inputTokens: 100, cachedInputTokens: 40, outputTokens: 7, reasoningTokens: 3 }),
    );
    usage.record(usageRecord({ inputTokens: 1, outputTokens: 1, costUsd: 0.5 }));
    expect(Object.fromEntries(tokens)).toEqual({
      input: 101,
      cached_input: 40,
      cache_write: 0,
      output: 8,
      reasoning: 3,
    });
    expect(cost).toBeCloseTo(0.501, 10);
    await usage.close();
  });
});

describe("UsageRecorder on SQL", () => {
  it("writes batches of many tenants, once per id, and spentSince sums them per scope", async () => {
    const usage = createUsageRecorder({ sql, logger: capturingLogger().logger, flushIntervalMs: hour });
    const user = crypto.randomUUID();
    const key = crypto.randomUUID();
    const at = new Date("2026-03-10T12:00:00Z");
    const repeated = usageRecord({ tenantId: "tenant_901", userId: user, costUsd: 0.25, createdAt: at });
    usage.record(repeated);
    usage.record(
      usageRecord({
        tenantId: "tenant_901",
        userId: user,
        apiKeyId: key,
        costUsd: 0.0000001234,
        createdAt: at,
      }),
    );
    usage.record(usageRecord({ tenantId: "tenant_901", spaceId: "space_77", costUsd: 1, createdAt: at }));
    usage.record(usageRecord({ tenantId: "tenant_902", costUsd: 5, createdAt: at }));
    usage.record(
      usageRecord({ tenantId: "tenant_901", costUsd: 9, createdAt: new Date("2026-03-09T23:59:59Z") }),
    );
    await usage.flush();
    // The same id again (a retried batch that had in fact committed) is not counted twice.
    usage.record({ ...repeated, id: (await idOf(repeated.requestId)) ?? "" });
    await usage.close();

    const since = new Date("2026-03-10T00:00:00Z");
    const until = new Date("2026-03-11T00:00:00Z");
    expect(await spentSince(sql, { tenantId: "tenant_901", kind: "tenant" }, since, until)).toBeCloseTo(
      1.2500001234,
      10,
    );
    expect(await spentSince(sql, { tenantId: "tenant_901", kind: "tenant" }, new Date(0))).toBeCloseTo(
      10.2500001234,
      10,
    );
    expect(await spentSince(sql, { tenantId: "tenant_901", kind: "user", userId: user }, since)).toBeCloseTo(
      0.2500001234,
      10,
    );
    expect(await spentSince(sql, { tenantId: "tenant_901", kind: "api_key", apiKeyId: key }, since)).toBe(
      0.0000001234,
    );
    expect(await spentSince(sql, { tenantId: "tenant_901", kind: "space", spaceId: "space_77" }, since)).toBe(
      1,
    );
    expect(await spentSince(sql, { tenantId: "tenant_903", kind: "tenant" }, since)).toBe(0);
    // Tenant transactions see only their own rows, even without a tenant filter.
    const visible = await sql.withTenant("tenant_902", (tx) =>
      tx.query<{ n: number }>("SELECT count(*)::int AS n FROM usage_records"),
    );
    expect(visible[0]?.n).toBe(1);
  });
});

async function idOf(requestId: string): Promise<string | undefined> {
  const [row] = await sql.withSystem((tx) =>
    tx.query<{ id: string }>("SELECT id FROM usage_records WHERE request_id = $1", [requestId]),
  );
  return row?.id;
}
