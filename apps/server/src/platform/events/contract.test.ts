import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { laneSqlKind, openTestSql, testAppRole } from "../../testing/test-sql.js";
import { waitFor } from "../../testing/wait-for.js";
import { openSql } from "../sql/open-sql.js";
import type { Sql } from "../sql/port.js";
import { appendEvent } from "./append-event.js";
import { createInProcessEventBus } from "./in-process-bus.js";
import { createNatsEventBus } from "./nats-bus.js";
import { encodeEnvelope, eventSubjects } from "./nats-wire.js";
import type { BusEvent, EventBus, EventBusOptions, EventHandler } from "./port.js";
import type { CrashChildSpec } from "./testing/crash-child.js";
import { commitThenKill } from "./testing/run-crash-child.js";

const services = testServices();
const natsSkip = skipReason(services, "NATS_URL");
if (natsSkip) console.warn(`[skip] events contract on NATS JetStream: ${natsSkip}`);

const maxDeliveries = 3;
const busOptions: EventBusOptions = {
  maxDeliveries,
  retry: { baseMs: 20, maxMs: 100 },
  pollIntervalMs: 100,
  drainTimeoutMs: 3_000,
  onError: () => {},
};
const uid = () => randomBytes(4).toString("hex");
let tenantCounter = 0;
const newTenant = () => `tenant_${Date.now()}${tenantCounter++}`;

function eventsContract(kind: EventBus["kind"]) {
  const sqlKind = kind === "in-process" ? "pglite" : laneSqlKind();
  const stream = `TEST_${uid()}`;
  const subjectPrefix = `test_${uid()}.events`;
  let sql: Sql;
  let buses: EventBus[] = [];

  async function openBus(on: Sql = sql): Promise<EventBus> {
    const bus =
      kind === "in-process"
        ? createInProcessEventBus(on, busOptions)
        : await createNatsEventBus(on, { url: services.natsUrl ?? "", stream, subjectPrefix }, busOptions);
    buses.push(bus);
    return bus;
  }

  /** Subscribes a consumer that records what it receives, in order. */
  function record(bus: EventBus, types: string[], consumer = `c_${uid()}`) {
    const seen: BusEvent[] = [];
    bus.subscribe({ consumer, types, handler: async (event) => void seen.push(event) });
    return { consumer, seen, ids: () => seen.map((event) => event.event_id) };
  }

  async function publish(bus: EventBus, tenant: string, type: string, data: BusEvent["data"] = {}) {
    const event = await sql.withTenant(tenant, (tx) =>
      appendEvent(tx, { type, source: "events-test", data, metadata: { tenant_id: tenant } }),
    );
    bus.notify();
    return event;
  }

  async function isPublished(eventId: string, on: Sql = sql): Promise<boolean> {
    const rows = await on.withSystem((tx) =>
      tx.query("SELECT 1 FROM outbox_events WHERE event_id = $1 AND published_at IS NOT NULL", [eventId]),
    );
    return rows.length === 1;
  }

  beforeAll(async () => {
    sql = await openTestSql(sqlKind);
    await sql.query("CREATE TABLE event_test_effects (consumer text NOT NULL, event_id text NOT NULL)");
    await sql.query(`GRANT SELECT, INSERT ON event_test_effects TO ${testAppRole}`);
  });
  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.stop()));
    buses = [];
  });
  afterAll(async () => {
    await sql?.close();
    if (kind === "nats" && services.natsUrl) {
      const nc = await connect({ servers: services.natsUrl });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
      await nc.close();
    }
  });

  it("delivers a committed event to exact and domain.* subscribers, and to no one else", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const exact = record(bus, [`${domain}.created`]);
    const wildcard = record(bus, [`${domain}.*`]);
    const other = record(bus, [`${domain}.deleted`, `x${uid()}.created`]);
    await bus.start();
    const tenant = newTenant();
    const event = await publish(bus, tenant, `${domain}.created`, { n: 1, name: "doc" });
    await waitFor("both subscribers", () => exact.seen.length === 1 && wildcard.seen.length === 1);
    expect(exact.seen[0]).toEqual({
      event_id: event.event_id,
      event_type: `${domain}.created`,
      source: "events-test",
      timestamp: event.timestamp,
      data: { n: 1, name: "doc" },
      metadata: { tenant_id: tenant },
    });
    // Streams deliver in order, so once a later event arrives the first one can no longer come.
    const sentinel = await publish(bus, tenant, `${domain}.deleted`);
    await waitFor("the sentinel", () => other.seen.length === 1 && wildcard.seen.length === 2);
    expect(other.ids()).toEqual([sentinel.event_id]);
    expect(exact.ids()).toEqual([event.event_id]);
  });

  it("never delivers an event whose transaction rolled back", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const recorder = record(bus, [`${domain}.*`]);
    await bus.start();
    const tenant = newTenant();
    let lostId = "";
    await expect(
      sql.withTenant(tenant, async (tx) => {
        lostId = (
          await appendEvent(tx, {
            type: `${domain}.created`,
            source: "t",
            data: 1,
            metadata: { tenant_id: tenant },
          })
        ).event_id;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const sentinel = await publish(bus, tenant, `${domain}.updated`);
    await waitFor("the sentinel", () => recorder.seen.length === 1);
    expect(recorder.ids()).toEqual([sentinel.event_id]);
    const stored = await sql.withSystem((tx) =>
      tx.query("SELECT 1 FROM outbox_events WHERE event_id = $1", [lostId]),
    );
    expect(stored).toHaveLength(0);
  });

  it("skips a redelivered event that the consumer already processed", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const consumer = `c_${uid()}`;
    const calls: string[] = [];
    const handler: EventHandler = async (event, { tx }) => {
      calls.push(event.event_id);
      await tx.query("INSERT INTO event_test_effects (consumer, event_id) VALUES ($1, $2)", [
        consumer,
        event.event_id,
      ]);
    };
    bus.subscribe({ consumer, types: [`${domain}.*`], handler });
    await bus.start();
    const tenant = newTenant();
    const event = await publish(bus, tenant, `${domain}.created`);
    await waitFor(
      "delivery and publication",
      async () => calls.length === 1 && (await isPublished(event.event_id)),
    );
    // As if the relay died after the handler committed but before it recorded the publication.
    await sql.withSystem((tx) =>
      tx.query("UPDATE outbox_events SET published_at = NULL WHERE event_id = $1", [event.event_id]),
    );
    bus.notify();
    await waitFor("the second relay", () => isPublished(event.event_id));
    const sentinel = await publish(bus, tenant, `${domain}.updated`);
    await waitFor("the sentinel", () => calls.includes(sentinel.event_id));
    expect(calls.filter((id) => id === event.event_id)).toHaveLength(1);
    const effects = await sql.query("SELECT 1 FROM event_test_effects WHERE event_id = $1", [event.event_id]);
    expect(effects).toHaveLength(1);
  });

  it.runIf(kind === "nats")(
    "skips a copy of an event that reached the stream under another message id",
    async () => {
      const bus = await openBus();
      const domain = `d${uid()}`;
      const recorder = record(bus, [`${domain}.*`]);
      await bus.start();
      const tenant = newTenant();
      const event = await publish(bus, tenant, `${domain}.created`);
      await waitFor("the first delivery", () => recorder.seen.length === 1);
      const nc = await connect({ servers: services.natsUrl ?? "" });
      try {
        await jetstream(nc).publish(
          eventSubjects(subjectPrefix).of(event.event_type),
          encodeEnvelope(event),
          {
            msgID: `${event.event_id}-copy`,
          },
        );
      } finally {
        await nc.close();
      }
      const sentinel = await publish(bus, tenant, `${domain}.updated`);
      await waitFor("the sentinel", () => recorder.ids().includes(sentinel.event_id));
      expect(recorder.ids()).toEqual([event.event_id, sentinel.event_id]);
    },
  );

  it("retries a failing handler and keeps only the effects of the attempt that committed", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const consumer = `c_${uid()}`;
    const attempts: number[] = [];
    bus.subscribe({
      consumer,
      types: [`${domain}.created`],
      handler: async (event, { tx, attempt }) => {
        attempts.push(attempt);
        // Each attempt's effect names it, so the test can wait for the second one's commit.
        await tx.query("INSERT INTO event_test_effects (consumer, event_id) VALUES ($1, $2)", [
          `${consumer}#${attempt}`,
          event.event_id,
        ]);
        if (attempt === 1) throw new Error("transient");
      },
    });
    await bus.start();
    const event = await publish(bus, newTenant(), `${domain}.created`);
    const effects = () =>
      sql.query<{ consumer: string }>("SELECT consumer FROM event_test_effects WHERE event_id = $1", [
        event.event_id,
      ]);
    // The handler runs before its transaction commits: wait for the commit, not the call.
    await waitFor("the retry's committed effect", async () =>
      (await effects()).some((row) => row.consumer === `${consumer}#2`),
    );
    expect(attempts).toEqual([1, 2]);
    expect((await effects()).map((row) => row.consumer)).toEqual([`${consumer}#2`]);
    expect(await bus.deadLetters(consumer)).toEqual([]);
  });

  it("dead-letters an event after maxDeliveries failures, with its error, and keeps consuming", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const consumer = `c_${uid()}`;
    const failures: string[] = [];
    const handled: string[] = [];
    bus.subscribe({
      consumer,
      types: [`${domain}.*`],
      handler: async (event) => {
        if (event.event_type.endsWith(".poison")) {
          failures.push(event.event_id);
          throw new Error(`cannot handle ${event.event_type}`);
        }
        handled.push(event.event_id);
      },
    });
    await bus.start();
    const tenant = newTenant();
    const poison = await publish(bus, tenant, `${domain}.poison`, { bad: true });
    const good = await publish(bus, tenant, `${domain}.created`);
    await waitFor("the later event", () => handled.includes(good.event_id));
    await waitFor("the dead letter", async () => (await bus.deadLetters(consumer)).length === 1);
    const [letter] = await bus.deadLetters(consumer);
    expect(letter?.event.event_id).toBe(poison.event_id);
    expect(letter?.event.data).toEqual({ bad: true });
    expect(letter?.attempts).toBe(maxDeliveries);
    expect(letter?.lastError).toContain(`cannot handle ${domain}.poison`);
    expect(failures).toHaveLength(maxDeliveries);
    const after = await publish(bus, tenant, `${domain}.updated`);
    await waitFor("an event after the dead letter", () => handled.includes(after.event_id));
    expect(failures).toHaveLength(maxDeliveries);
  });

  it("replays the consumer's stored events from a timestamp", async () => {
    const bus = await openBus();
    const domain = `d${uid()}`;
    const recorder = record(bus, [`${domain}.*`]);
    const bystander = record(bus, [`${domain}.*`]);
    await bus.start();
    const tenant = newTenant();
    const first = await publish(bus, tenant, `${domain}.created`);
    await waitFor("the first event", () => recorder.seen.length === 1);
    await waitFor("the clock to move on", () => Date.now() > first.timestamp, 1_000);
    const second = await publish(bus, tenant, `${domain}.updated`);
    const third = await publish(bus, tenant, `${domain}.deleted`);
    await waitFor("all three", () => recorder.seen.length === 3 && bystander.seen.length === 3);
    const result = await bus.replay({ consumer: recorder.consumer, since: second.timestamp });
    expect(result.replayed).toBe(2);
    expect(recorder.ids()).toEqual([first, second, third, second, third].map((event) => event.event_id));
    expect(bystander.seen).toHaveLength(3);
    await expect(bus.replay({ consumer: "c_nobody", since: 0 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports outbox lag and health", async () => {
    const bus = await openBus();
    await bus.ping();
    const event = await publish(bus, newTenant(), `d${uid()}.created`);
    await waitFor("some lag", async () => (await bus.outboxLagMs()) > 0);
    await bus.start();
    await waitFor(
      "the outbox to drain",
      async () => (await isPublished(event.event_id)) && (await bus.outboxLagMs()) === 0,
    );
  });

  it("delivers exactly once after the producer was SIGKILLed before its relay ran", async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), "tributary-events-crash-"));
    const dataDir = path.join(tmp, "db");
    const database: CrashChildSpec["database"] =
      sqlKind === "pglite"
        ? { kind: "pglite", dataDir, appRole: testAppRole }
        : { kind: "postgres", url: services.databaseUrl ?? "", schema: sql.schema, appRole: testAppRole };
    const tenant = newTenant();
    const type = `d${uid()}.created`;
    const eventId = await commitThenKill({ database, tenantId: tenant, eventType: type }, 30_000);
    const restarted =
      database.kind === "pglite"
        ? await openSql(
            { kind: "pglite", dataDir, appRole: testAppRole, sharedBuffers: "16MB" },
            { migrate: true },
          )
        : sql;
    try {
      const consumer = `c_${uid()}`;
      const seen: string[] = [];
      const handler: EventHandler = async (event) => void seen.push(event.event_id);
      const bus = await openBus(restarted);
      bus.subscribe({ consumer, types: [type], handler });
      await bus.start();
      await waitFor(
        "the event committed before the crash",
        async () => seen.length === 1 && isPublished(eventId, restarted),
      );
      expect(seen).toEqual([eventId]);
      await bus.stop();
      // A second start of the same consumer must not see it again.
      const again = await openBus(restarted);
      again.subscribe({ consumer, types: [type], handler });
      await again.start();
      const sentinel = await restarted.withTenant(tenant, (tx) =>
        appendEvent(tx, { type, source: "events-test", data: null, metadata: { tenant_id: tenant } }),
      );
      again.notify();
      await waitFor("the sentinel", () => seen.includes(sentinel.event_id));
      expect(seen).toEqual([eventId, sentinel.event_id]);
      await again.stop();
    } finally {
      if (restarted !== sql) await restarted.close();
      await rm(tmp, { recursive: true, force: true });
    }
  }, 45_000);
}

describe.runIf(services.lane === "embedded")("events contract: in-process outbox", () =>
  eventsContract("in-process"),
);
describe.skipIf(natsSkip !== undefined)("events contract: NATS JetStream", () => eventsContract("nats"));
