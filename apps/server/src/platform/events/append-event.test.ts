import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSql } from "../../testing/test-sql.js";
import type { Sql } from "../sql/port.js";
import { appendEvent } from "./append-event.js";

let counter = 0;
const newTenant = () => `tenant_${Date.now()}${counter++}`;

describe("appendEvent (the outbox write)", () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openTestSql();
  });
  afterAll(async () => {
    await sql?.close();
  });

  it("refuses malformed events with a validation error", async () => {
    const tenant = newTenant();
    const append = (input: Partial<Parameters<typeof appendEvent>[1]>) =>
      sql.withTenant(tenant, (tx) =>
        appendEvent(tx, {
          type: "document.uploaded",
          source: "test",
          data: {},
          metadata: { tenant_id: tenant },
          ...input,
        }),
      );
    await expect(append({ type: "Document Uploaded" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(append({ type: "document.*" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(append({ source: "" })).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    await expect(append({ metadata: { tenant_id: "" } })).rejects.toThrow("event missing tenant_id");
  });

  it("keeps each tenant's events to itself under row-level security", async () => {
    const tenantA = newTenant();
    const tenantB = newTenant();
    await expect(
      sql.withTenant(tenantA, (tx) =>
        appendEvent(tx, {
          type: "space.created",
          source: "test",
          data: {},
          metadata: { tenant_id: tenantB },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    const event = await sql.withTenant(tenantA, (tx) =>
      appendEvent(tx, {
        type: "space.created",
        source: "test",
        data: { a: 1 },
        metadata: { tenant_id: tenantA },
      }),
    );
    const seenByB = await sql.withTenant(tenantB, (tx) =>
      tx.query("SELECT 1 FROM outbox_events WHERE event_id = $1", [event.event_id]),
    );
    expect(seenByB).toHaveLength(0);
  });

  it("stores a repeated event id once and answers with the first copy", async () => {
    const tenant = newTenant();
    const eventId = `evt_${Date.now()}`;
    const ingest = (data: number) =>
      sql.withTenant(tenant, (tx) =>
        appendEvent(tx, {
          eventId,
          type: "document.uploaded",
          source: "aether-be",
          data,
          metadata: { tenant_id: tenant },
        }),
      );
    const first = await ingest(1);
    const second = await ingest(2);
    expect(second).toEqual(first);
    const rows = await sql.withTenant(tenant, (tx) =>
      tx.query("SELECT data FROM outbox_events WHERE event_id = $1", [eventId]),
    );
    expect(rows).toEqual([{ data: 1 }]);
    const otherTenant = newTenant();
    await expect(
      sql.withTenant(otherTenant, (tx) =>
        appendEvent(tx, {
          eventId,
          type: "document.uploaded",
          source: "x",
          data: 3,
          metadata: { tenant_id: otherTenant },
        }),
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
