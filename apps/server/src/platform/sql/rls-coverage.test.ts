import { afterAll, beforeAll, expect, it } from "vitest";
import { openTestSql } from "../../testing/test-sql.js";
import type { Sql } from "./port.js";

let sql: Sql;

beforeAll(async () => {
  sql = await openTestSql();
});
afterAll(async () => {
  await sql?.close();
});

it("enables and forces row-level security, with a policy, on every table that has a tenant_id", async () => {
  const tables = await sql.query<{ table_name: string; rls: boolean; forced: boolean; policies: number }>(
    `SELECT c.relname AS table_name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
            (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname) AS policies
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
     ORDER BY c.relname`,
    [sql.schema],
  );
  expect(tables.length).toBeGreaterThan(5);
  const unprotected = tables.filter((t) => !t.rls || !t.forced || t.policies === 0).map((t) => t.table_name);
  expect(unprotected, "tables with tenant_id but without enforced RLS").toEqual([]);
});

it("never lets the application role bypass row-level security", async () => {
  const [role] = await sql.withTenant("tenant_1", (tx) =>
    tx.query<{ current_user: string; bypass: boolean; superuser: boolean }>(
      "SELECT current_user, rolbypassrls AS bypass, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user",
    ),
  );
  expect(role?.current_user).toBe("tributary_app");
  expect(role?.bypass).toBe(false);
  expect(role?.superuser).toBe(false);
});
