import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Environment, loadConfig } from "../config/index.js";
import { testServices } from "../config/test-services.js";
import type { AuthHooks } from "../http/context.js";
import type { AnyRoute } from "../http/route-builder.js";
import type { Sql } from "../platform/sql/index.js";
import { createLogger } from "../platform/telemetry/logger.js";
import {
  type Role,
  type RunningTributary,
  type StartTributaryOptions,
  startTributary,
} from "../runtime/start-tributary.js";
import { openTestSql } from "./test-sql.js";

export interface TestInstance extends RunningTributary {
  readonly dataDir: string;
}

/**
 * A whole Tributary instance for in-process HTTP tests (`instance.app.inject`), on an isolated
 * database schema and a temporary data dir. In the services lane its adapters are the servers.
 */
export async function startTestInstance(
  options: {
    env?: Environment;
    routes?: readonly AnyRoute[];
    auth?: AuthHooks;
    role?: Role;
    /** Pin the database (e.g. `pglite` for vector tests, whose pgvector the CI PostgreSQL lacks). */
    sqlKind?: Sql["kind"];
    ingestionPool?: StartTributaryOptions["ingestionPool"];
    searchSpace?: StartTributaryOptions["searchSpace"];
  } = {},
): Promise<TestInstance> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-test-"));
  const sql = await openTestSql(options.sqlKind);
  const vectorStore = (await hasPgvector(sql)) ? {} : { VECTOR_STORE: "disabled" };
  const config = loadConfig({
    env: {
      TRIBUTARY_DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      INGESTION_PRESTART_WORKERS: "false",
      ...vectorStore,
      ...options.env,
    },
  });
  const running = await startTributary({
    config,
    sql,
    role: options.role ?? "api",
    listen: false,
    logger: createLogger(testServices().logLevel),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.ingestionPool ? { ingestionPool: options.ingestionPool } : {}),
    ...(options.searchSpace ? { searchSpace: options.searchSpace } : {}),
  });
  return {
    ...running,
    dataDir,
    async close() {
      await running.close();
      await sql.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The services lane's PostgreSQL has no pgvector: its instances run with retrieval disabled. */
export async function hasPgvector(sql: Sql): Promise<boolean> {
  const rows = await sql.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  return rows.length > 0;
}
