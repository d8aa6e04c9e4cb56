import type { Config } from "../config/index.js";
import { type CacheStore, openCache } from "../platform/cache/index.js";
import { type EventBus, openEventBus } from "../platform/events/index.js";
import { createJobQueue, type JobQueue } from "../platform/jobs/index.js";
import { type ObjectStore, openObjectStore } from "../platform/objects/index.js";
import { openSql, type Sql } from "../platform/sql/index.js";
import type { Logger } from "../platform/telemetry/logger.js";

/** The shared infrastructure of one running instance, each port on the adapter the config chose. */
export interface Resources {
  readonly sql: Sql;
  readonly objects: ObjectStore;
  readonly cache: CacheStore;
  readonly events: EventBus;
  readonly jobs: JobQueue;
  /** This process is the whole deployment: it opened the embedded database, which admits no other. */
  readonly soleProcess: boolean;
  close(): Promise<void>;
}

export interface OpenResourcesOptions {
  /** Use this database instead of opening one from config (tests pass an isolated schema). */
  sql?: Sql;
  /**
   * Whether closing the resources closes a given `sql` too: the caller opened it for this
   * instance alone and hands it over (`tributary start` opens the database while the rest of the
   * code loads), so an embedded one still makes this instance the sole process.
   */
  ownsSql?: boolean;
  /** Apply pending migrations when opening the database (default true; `doctor` only looks). */
  migrate?: boolean;
}

/** Opens every adapter, migrating the database first; closes what was opened if any step fails. */
export async function openResources(
  config: Config,
  logger: Logger,
  options: OpenResourcesOptions = {},
): Promise<Resources> {
  const opened: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    for (const resource of opened.reverse()) await resource.close().catch(() => {});
  };
  try {
    const sql = options.sql ?? (await openSql(config.sql, { migrate: options.migrate ?? true }));
    if (!options.sql || options.ownsSql) opened.push(sql);
    const objects = await openObjectStore(config.objects);
    opened.push(objects);
    // The embedded database locks its data dir to one process, so an instance that opened it, or
    // was handed it to own, is the whole deployment. One handed a database it does not own (tests'
    // second nodes) may have company.
    const soleProcess =
      config.sql.kind === "pglite" && (options.sql === undefined || options.ownsSql === true);
    const cache = await openCache(config.cache, { soleProcess });
    opened.push(cache);
    const events = await openEventBus(config.events, sql, {
      maxDeliveries: config.eventsTuning.maxDeliveries,
      retentionDays: config.eventsTuning.retentionDays,
      pollIntervalMs: config.eventsTuning.pollIntervalMs,
      drainTimeoutMs: config.shutdownTimeoutMs,
      onError: (error, context) => logger.error({ err: error, ...context }, "event bus error"),
    });
    opened.push({ close: () => events.stop() });
    const jobs = createJobQueue({ sql, tuning: config.jobs, logger });
    opened.push({ close: () => jobs.stop({ timeoutMs: config.shutdownTimeoutMs }) });
    return { sql, objects, cache, events, jobs, soleProcess, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
