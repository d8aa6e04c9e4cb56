import { randomBytes } from "node:crypto";
import pg from "pg";
import { testServices } from "../config/test-services.js";
import { migrate } from "../platform/sql/migrate.js";
import { createPgSql } from "../platform/sql/pg-sql.js";
import { type PgliteHost, startPglite } from "../platform/sql/pglite-host.js";
import type { Sql } from "../platform/sql/port.js";

export const testAppRole = "tributary_app";
let sharedPglite: Promise<PgliteHost> | undefined;

/** The connection string of this test process's database: PGlite, or PostgreSQL in the services lane. */
export async function testDatabaseUrl(kind: Sql["kind"]): Promise<string> {
  if (kind === "postgres") {
    const url = testServices().databaseUrl;
    if (!url) throw new Error("DATABASE_URL is not set for the services lane");
    return url;
  }
  // One PGlite per test process (files share it: vitest runs with isolate: false); each test
  // database is a fresh schema in it, so opening one costs a migration, not a PGlite start.
  sharedPglite ??= startPglite({ dataDir: null });
  const host = await sharedPglite;
  return `postgres://postgres@127.0.0.1:${host.port}/postgres?sslmode=disable`;
}

/** The SQL adapter the current lane tests: PostgreSQL in the services lane when set, else PGlite. */
export function laneSqlKind(): Sql["kind"] {
  const services = testServices();
  return services.lane === "services" && services.databaseUrl ? "postgres" : "pglite";
}

/**
 * A migrated, isolated database for one test file: a new schema, dropped again on close.
 * Tests create their own tenants inside it; nothing is reset between tests.
 */
export async function openTestSql(kind: Sql["kind"] = laneSqlKind()): Promise<Sql> {
  const url = await testDatabaseUrl(kind);
  const schema = `t_${randomBytes(6).toString("hex")}`;
  await migrate({ connectionString: url, appRole: testAppRole, schema });
  return createPgSql({
    kind,
    connectionString: url,
    poolSize: kind === "pglite" ? 1 : 4,
    appRole: testAppRole,
    schema,
    onClose: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => client.end());
    },
  });
}
