import type { SqlConfig } from "../../config/index.js";
import { assertNever } from "../errors/index.js";
import { lockDataDir } from "./data-dir-lock.js";
import { migrate } from "./migrate.js";
import { createPgSql } from "./pg-sql.js";
import { startPglite } from "./pglite-host.js";
import type { Sql } from "./port.js";

export interface OpenSqlOptions {
  /** Apply pending migrations before returning (start-up does; `doctor` does not). */
  migrate?: boolean;
  schema?: string;
}

/** Chooses the SQL adapter from configuration: embedded PGlite or a PostgreSQL server. */
export async function openSql(config: SqlConfig, options: OpenSqlOptions = {}): Promise<Sql> {
  switch (config.kind) {
    case "pglite": {
      const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => {};
      try {
        const host = await startPglite({ dataDir: config.dataDir, sharedBuffers: config.sharedBuffers });
        const url = `postgres://postgres@127.0.0.1:${host.port}/postgres?sslmode=disable`;
        try {
          if (options.migrate)
            await migrate({ connectionString: url, appRole: config.appRole, schema: options.schema });
          return await createPgSql({
            kind: "pglite",
            connectionString: url,
            // PGlite is one backend: one connection, transactions queue behind each other.
            poolSize: 1,
            appRole: config.appRole,
            schema: options.schema,
            onClose: async () => {
              await host.close();
              unlock();
            },
          });
        } catch (error) {
          await host.close();
          throw error;
        }
      } catch (error) {
        unlock();
        throw error;
      }
    }
    case "postgres":
      if (options.migrate) {
        await migrate({
          connectionString: config.migrationUrl,
          appRole: config.appRole,
          schema: options.schema,
        });
      }
      return createPgSql({
        kind: "postgres",
        connectionString: config.url,
        poolSize: config.poolSize,
        appRole: config.appRole,
        schema: options.schema,
      });
    default:
      return assertNever(config);
  }
}
