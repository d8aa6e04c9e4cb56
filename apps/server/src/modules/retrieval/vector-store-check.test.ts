import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config/index.js";
import type { Sql } from "../../platform/sql/index.js";
import { createLogger } from "../../platform/telemetry/logger.js";
import { startTributary } from "../../runtime/start-tributary.js";
import { laneSqlKind, openTestSql } from "../../testing/test-sql.js";
import { assertVectorStoreReady, VectorStoreUnavailableError, vectorStoreFix } from "./vector-store-check.js";

const opened: Sql[] = [];
afterAll(async () => {
  await Promise.all(opened.map((sql) => sql.close()));
});

async function open(kind: Sql["kind"]): Promise<Sql> {
  const sql = await openTestSql(kind);
  opened.push(sql);
  return sql;
}

async function pgvectorAvailable(sql: Sql): Promise<boolean> {
  return (await sql.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")).length > 0;
}

describe("the vector store check", () => {
  it("passes on PGlite, which carries pgvector, with the retrieval migration applied", async () => {
    const sql = await open("pglite");
    await expect(assertVectorStoreReady(sql)).resolves.toBeUndefined();
  });

  it("names the package for the server's major version when pgvector is not installable", () => {
    const message = vectorStoreFix({
      installed: false,
      available: false,
      tablesReady: false,
      serverMajor: 15,
      database: "tributary",
    });
    expect(message).toContain("apt-get install postgresql-15-pgvector");
    expect(message).toContain("VECTOR_STORE=disabled");
  });

  it("gives the CREATE EXTENSION to run when pgvector is available but not created", () => {
    const message = vectorStoreFix({
      installed: false,
      available: true,
      tablesReady: false,
      serverMajor: 16,
      database: "tributary",
    });
    expect(message).toContain("CREATE EXTENSION vector WITH SCHEMA public");
    expect(message).toContain('database "tributary"');
  });
});

const services = laneSqlKind() === "postgres";
describe.skipIf(!services)("on the services lane's PostgreSQL", () => {
  it("skips the retrieval migration and stops the platform with the exact fix when pgvector is missing", async () => {
    const sql = await open("postgres");
    if (await pgvectorAvailable(sql)) {
      await expect(assertVectorStoreReady(sql)).resolves.toBeUndefined();
      return;
    }
    const applied = await sql.query<{ name: string }>(
      "SELECT name FROM schema_migrations WHERE name LIKE '0016%'",
    );
    expect(applied).toEqual([]);
    const [{ major } = { major: 0 }] = await sql.query<{ major: number }>(
      "SELECT current_setting('server_version_num')::int / 10000 AS major",
    );
    const failure = await assertVectorStoreReady(sql).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VectorStoreUnavailableError);
    expect((failure as Error).message).toContain(`apt-get install postgresql-${major}-pgvector`);
    const started = startTributary({
      config: loadConfig({
        env: {
          TRIBUTARY_DATA_DIR: await mkdtemp(path.join(tmpdir(), "tributary-vs-")),
          VECTOR_STORE: "pgvector",
        },
      }),
      sql,
      role: "api",
      listen: false,
      logger: createLogger("silent"),
    });
    await expect(started).rejects.toThrow(/pgvector/);
  });
});
