import { z } from "zod";
import { testAppRole } from "../../../testing/test-sql.js";
import { assertNever } from "../../errors/index.js";
import { migrate } from "../../sql/migrate.js";
import { createPgSql } from "../../sql/pg-sql.js";
import { startPglite } from "../../sql/pglite-host.js";
import type { Sql } from "../../sql/port.js";

/** The database the crash test's two processes share, one after the other for PGlite. */
export const crashTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("pglite"), dataDir: z.string() }),
  z.object({ kind: z.literal("postgres"), url: z.string(), schema: z.string() }),
]);
export type CrashTarget = z.infer<typeof crashTargetSchema>;

export const crashWorkerArgsSchema = z.object({
  target: crashTargetSchema,
  queue: z.string(),
  visibilityTimeoutMs: z.number(),
});
export type CrashWorkerArgs = z.infer<typeof crashWorkerArgsSchema>;

/** Where the handlers of the crash test record their effect, one row per job run to the end. */
export const effectsTable = "crash_test_effects";

/**
 * Opens the target: a file-backed PGlite (one process at a time may hold its data directory),
 * or the already migrated test schema on PostgreSQL.
 */
export async function openCrashTarget(target: CrashTarget): Promise<Sql> {
  switch (target.kind) {
    case "pglite": {
      const host = await startPglite({ dataDir: target.dataDir });
      const url = `postgres://postgres@127.0.0.1:${host.port}/postgres?sslmode=disable`;
      await migrate({ connectionString: url, appRole: testAppRole });
      return createPgSql({
        kind: "pglite",
        connectionString: url,
        poolSize: 1,
        appRole: testAppRole,
        onClose: () => host.close(),
      });
    }
    case "postgres":
      return createPgSql({
        kind: "postgres",
        connectionString: target.url,
        poolSize: 2,
        appRole: testAppRole,
        schema: target.schema,
      });
    default:
      return assertNever(target);
  }
}

export async function createEffectsTable(sql: Sql): Promise<void> {
  await sql.query(
    `CREATE TABLE IF NOT EXISTS ${effectsTable} (job_id uuid PRIMARY KEY, attempt int NOT NULL)`,
  );
  await sql.query(`GRANT SELECT, INSERT ON ${effectsTable} TO ${testAppRole}`);
}
