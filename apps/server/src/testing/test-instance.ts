import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Environment, loadConfig } from "../config/index.js";
import { testServices } from "../config/test-services.js";
import type { AuthHooks } from "../http/context.js";
import type { AnyRoute } from "../http/route-builder.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { type Role, type RunningTributary, startTributary } from "../runtime/start-tributary.js";
import { openTestSql } from "./test-sql.js";

export interface TestInstance extends RunningTributary {
  readonly dataDir: string;
}

/**
 * A whole Tributary instance for in-process HTTP tests (`instance.app.inject`), on an isolated
 * database schema and a temporary data dir. In the services lane its adapters are the servers.
 */
export async function startTestInstance(
  options: { env?: Environment; routes?: readonly AnyRoute[]; auth?: AuthHooks; role?: Role } = {},
): Promise<TestInstance> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tributary-test-"));
  const config = loadConfig({ env: { TRIBUTARY_DATA_DIR: dataDir, LOG_LEVEL: "silent", ...options.env } });
  const sql = await openTestSql();
  const running = await startTributary({
    config,
    sql,
    role: options.role ?? "api",
    listen: false,
    logger: createLogger(testServices().logLevel),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
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
