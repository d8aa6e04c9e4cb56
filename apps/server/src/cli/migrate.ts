import { loadConfig } from "../config/index.js";
import { assertNever } from "../platform/errors/index.js";
import { lockDataDir } from "../platform/sql/data-dir-lock.js";
import { migrate } from "../platform/sql/index.js";
import { startPglite } from "../platform/sql/pglite-host.js";

/** `tributary migrate`: applies pending migrations to the configured database and exits. */
export async function runMigrate(options: { json?: boolean }): Promise<void> {
  const config = loadConfig();
  const sql = config.sql;
  let result: Awaited<ReturnType<typeof migrate>>;
  switch (sql.kind) {
    case "postgres":
      result = await migrate({ connectionString: sql.migrationUrl, appRole: sql.appRole });
      break;
    case "pglite": {
      const unlock = sql.dataDir ? lockDataDir(sql.dataDir) : () => {};
      const host = await startPglite({ dataDir: sql.dataDir, sharedBuffers: sql.sharedBuffers });
      try {
        result = await migrate({
          connectionString: `postgres://postgres@127.0.0.1:${host.port}/postgres?sslmode=disable`,
          appRole: sql.appRole,
        });
      } finally {
        await host.close();
        unlock();
      }
      break;
    }
    default:
      return assertNever(sql);
  }
  if (options.json) console.log(JSON.stringify(result));
  else if (result.applied.length === 0)
    console.log(`Database is up to date (${result.alreadyApplied} migrations).`);
  else console.log(`Applied ${result.applied.length} migrations: ${result.applied.join(", ")}`);
}
