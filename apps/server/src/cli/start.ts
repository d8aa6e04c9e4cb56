import { loadConfig } from "../config/index.js";
import { openSql } from "../platform/sql/index.js";
import { createLogger } from "../platform/telemetry/logger.js";
import { keepBackgroundThreadsLowered } from "../runtime/background-threads.js";

/** `tributary start`: runs until SIGTERM/SIGINT, then drains within SHUTDOWN_TIMEOUT_MS. */
export async function runStart(options: {
  role: "all" | "api" | "worker" | "scheduler";
  port?: number;
}): Promise<void> {
  const config = loadConfig({
    overrides: {
      TRIBUTARY_ROLE: options.role,
      ...(options.port !== undefined ? { PORT: options.port } : {}),
    },
  });
  const logger = createLogger(config.logLevel);
  // The database (a PGlite worker thread when embedded) starts while the rest of the code loads.
  const sql = openSql(config.sql, { migrate: true });
  sql.catch(() => {});
  const { startTributary } = await import("../runtime/start-tributary.js");
  const running = await startTributary({ config, logger, sql: await sql, ownsSql: true });
  // Requests first: the embedded database, GC helpers and workers yield the cores to the main thread.
  const backgroundThreads = keepBackgroundThreadsLowered({
    niceness: config.backgroundThreadNiceness,
    onError: (error) => logger.warn({ err: error }, "could not lower the background threads' priority"),
  });
  if (running.url) console.log(`Tributary is ready at ${running.url} (API docs: ${running.url}/docs)`);
  let signals = 0;
  const stop = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, "second signal: exiting without draining");
      process.exit(130);
    }
    logger.info({ signal }, "shutting down");
    backgroundThreads.stop();
    const force = setTimeout(() => {
      logger.error("shutdown did not finish in time; exiting");
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
