import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, testServices } from "../../config/test-services.js";
import { openTestSql } from "../../testing/test-sql.js";
import type { Sql } from "./port.js";

const services = testServices();
const postgresSkip = skipReason(services, "DATABASE_URL");
if (postgresSkip) console.info(`[skip] SQL contract on PostgreSQL: ${postgresSkip}`);

function sqlContract(kind: Sql["kind"]) {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openTestSql(kind);
  });
  afterAll(async () => {
    await sql?.close();
  });

  it("answers queries and pings", async () => {
    await sql.ping();
    const [row] = await sql.query<{ n: number }>("SELECT 41 + $1::int AS n", [1]);
    expect(row?.n).toBe(42);
    expect(sql.kind).toBe(kind);
  });

  it("has pg_trgm available", async () => {
    const [row] = await sql.query<{ s: number }>("SELECT similarity('tributary', 'tributory') AS s");
    expect(row?.s).toBeGreaterThan(0.3);
  });

  it("rolls back a failed transaction entirely", async () => {
    const tenant = `tenant_${Date.now()}1`;
    await expect(
      sql.withTenant(tenant, async (tx) => {
        await tx.query("INSERT INTO rls_demo_notes (id, tenant_id, body) VALUES ($1, $2, 'lost')", [
          uuidv7(),
          tenant,
        ]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await sql.withTenant(tenant, (tx) => tx.query("SELECT * FROM rls_demo_notes"));
    expect(rows).toHaveLength(0);
  });

  describe("row-level security through withTenant", () => {
    const tenantA = `tenant_${Date.now()}2`;
    const tenantB = `tenant_${Date.now()}3`;
    beforeAll(async () => {
      await sql.withTenant(tenantA, (tx) =>
        tx.query("INSERT INTO rls_demo_notes (id, tenant_id, body) VALUES ($1, $2, 'a secret')", [
          uuidv7(),
          tenantA,
        ]),
      );
    });

    it("shows a tenant its own rows", async () => {
      const rows = await sql.withTenant(tenantA, (tx) => tx.query("SELECT body FROM rls_demo_notes"));
      expect(rows).toEqual([{ body: "a secret" }]);
    });

    it("hides another tenant's rows even without an application filter", async () => {
      const rows = await sql.withTenant(tenantB, (tx) => tx.query("SELECT * FROM rls_demo_notes"));
      expect(rows).toHaveLength(0);
      const updated = await sql.withTenant(tenantB, (tx) =>
        tx.query("UPDATE rls_demo_notes SET body = 'stolen' RETURNING id"),
      );
      expect(updated).toHaveLength(0);
    });

    it("refuses inserts into another tenant", async () => {
      await expect(
        sql.withTenant(tenantB, (tx) =>
          tx.query("INSERT INTO rls_demo_notes (id, tenant_id, body) VALUES ($1, $2, 'forged')", [
            uuidv7(),
            tenantA,
          ]),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it("shows nothing when no tenant is set", async () => {
      const rows = await sql.withSystem((tx) => tx.query("SELECT * FROM rls_demo_notes"));
      expect(rows).toHaveLength(0);
    });

    it("keeps the tenant setting inside its transaction", async () => {
      await sql.withTenant(tenantA, async () => {});
      const [row] = await sql.query<{ t: string | null }>(
        "SELECT current_setting('app.tenant_id', true) AS t",
      );
      expect(row?.t ?? "").toBe("");
    });
  });

  it("runs a long query without blocking this event loop", async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 20);
    await sql.query("SELECT pg_sleep(1)");
    clearInterval(timer);
    // A blocked loop would fire the timer at most once, after the query.
    expect(ticks).toBeGreaterThan(10);
  });

  it("carries statements of several megabytes, interleaved with small ones", async () => {
    // Arrives in many socket chunks (the embedded server joins them once the message is whole).
    const big = "x".repeat(6 * 1024 * 1024 - 7);
    const [small, large, after] = await Promise.all([
      sql.query<{ n: number }>("SELECT length($1::text) AS n", ["small"]),
      sql.query<{ n: number; last: string }>("SELECT length($1::text) AS n, right($1::text, 3) AS last", [
        `${big}abcdefg`,
      ]),
      sql.query<{ n: number }>("SELECT length($1::text) AS n", ["after"]),
    ]);
    expect(small?.[0]?.n).toBe(5);
    expect(large?.[0]).toEqual({ n: 6 * 1024 * 1024, last: "efg" });
    expect(after?.[0]?.n).toBe(5);
  });

  it("serializes concurrent transactions without mixing their statements", async () => {
    const tenant = `tenant_${Date.now()}4`;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sql.withTenant(tenant, async (tx) => {
          await tx.query("INSERT INTO rls_demo_notes (id, tenant_id, body) VALUES ($1, $2, $3)", [
            uuidv7(),
            tenant,
            `n${i}`,
          ]);
          const [row] = await tx.query<{ c: number }>("SELECT count(*)::int AS c FROM rls_demo_notes");
          expect(row?.c).toBeGreaterThan(0);
        }),
      ),
    );
    const [row] = await sql.withTenant(tenant, (tx) =>
      tx.query<{ c: number }>("SELECT count(*)::int AS c FROM rls_demo_notes"),
    );
    expect(row?.c).toBe(20);
  });
}

describe.runIf(services.lane === "embedded")("SQL contract: PGlite", () => sqlContract("pglite"));
describe.skipIf(postgresSkip !== undefined)("SQL contract: PostgreSQL", () => sqlContract("postgres"));
