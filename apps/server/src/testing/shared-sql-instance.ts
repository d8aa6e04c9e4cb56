import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Environment, loadConfig } from "../config/index.js";
import { testServices } from "../config/test-services.js";
import type { AnyRoute } from "../http/route-builder.js";
import type { Sql } from "../platform/sql/index.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { type RunningTributary, startTributary } from "../runtime/start-tributary.js";
import { hasPgvector } from "./test-instance.js";

/**
 * A second API node on an already-open test database (e.g. `first.resources.sql`), for tests of
 * behaviour across nodes. It does not close the database: close it before the instance that owns it.
 * Pass the same TRIBUTARY_SECRET_KEY (and REDIS_URL, for a shared cache) as the first instance.
 */
export async function startInstanceOnSharedSql(
  sql: Sql,
  options: { env?: Environment; routes?: readonly AnyRoute[] } = {},
): Promise<RunningTributary> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-test-"));
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
    role: "api",
    listen: false,
    logger: createLogger(testServices().logLevel),
    ...(options.routes ? { routes: options.routes } : {}),
  });
  return {
    ...running,
    async close() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
