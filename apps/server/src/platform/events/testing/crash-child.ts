// Child process of the crash test: commits one event without ever starting a relay, says so, and waits
// to be killed with SIGKILL. Run as `node --import tsx crash-child.ts '<CrashChildSpec JSON>'`.
import { openSql } from "../../sql/open-sql.js";
import { createPgSql } from "../../sql/pg-sql.js";
import type { Sql } from "../../sql/port.js";
import { appendEvent } from "../append-event.js";

export type CrashChildDatabase =
  | { kind: "pglite"; dataDir: string; appRole: string }
  | { kind: "postgres"; url: string; schema: string; appRole: string };

export interface CrashChildSpec {
  database: CrashChildDatabase;
  tenantId: string;
  eventType: string;
}

async function openChildSql(database: CrashChildDatabase): Promise<Sql> {
  if (database.kind === "pglite") {
    return openSql(
      { kind: "pglite", dataDir: database.dataDir, appRole: database.appRole, sharedBuffers: "16MB" },
      { migrate: true },
    );
  }
  return createPgSql({
    kind: "postgres",
    connectionString: database.url,
    poolSize: 1,
    appRole: database.appRole,
    schema: database.schema,
  });
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "") as CrashChildSpec;
  const sql = await openChildSql(spec.database);
  const event = await sql.withTenant(spec.tenantId, (tx) =>
    appendEvent(tx, {
      type: spec.eventType,
      source: "crash-test",
      data: { survived: true },
      metadata: { tenant_id: spec.tenantId },
    }),
  );
  process.stdout.write(`committed ${event.event_id}\n`);
  // Keep the process (and PGlite's open files) alive until the parent kills it.
  setInterval(() => {}, 60_000);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
