import type { FastifyInstance } from "fastify";
import type { Config } from "../config/index.js";
import { buildHttpApp } from "../http/build-app.js";
import type { AuthHooks } from "../http/context.js";
import { IdempotencyStore } from "../http/idempotency-store.js";
import type { AnyRoute } from "../http/route-builder.js";
import { createAssistantModule, type SearchSpace } from "../modules/assistant/index.js";
import { createContentModule } from "../modules/content/index.js";
import { createGatewayModule } from "../modules/gateway/index.js";
import { createIdentityModule } from "../modules/identity/index.js";
import { createIngestionModule, type IngestionModuleOptions } from "../modules/ingestion/index.js";
import { createRetrievalModule } from "../modules/retrieval/index.js";
import { openAccessChanges } from "../platform/auth/index.js";
import type { Sql } from "../platform/sql/index.js";
import { createLogger, type Logger } from "../platform/telemetry/logger.js";
import { createMetrics, type Metrics } from "../platform/telemetry/metrics.js";
import { createTracing } from "../platform/telemetry/tracing.js";
import { healthProbes } from "./health-probes.js";
import { maintenanceTasks } from "./maintenance-tasks.js";
import { openResources, type Resources } from "./open-resources.js";
import { registerResourceGauges } from "./register-gauges.js";
import { createScheduler, type Scheduler } from "./scheduler.js";
import { version } from "./version.js";

export type Role = Config["role"];

export interface StartTributaryOptions {
  readonly config: Config;
  readonly role?: Role;
  readonly logger?: Logger;
  /** An already-open database (tests use an isolated schema). */
  readonly sql?: Sql;
  /** Close `sql` on shutdown (the CLI opens it early; tests close their own). */
  readonly ownsSql?: boolean;
  /** Listen on config.host:port; tests use `app.inject` instead. */
  readonly listen?: boolean;
  readonly routes?: readonly AnyRoute[];
  readonly auth?: AuthHooks;
  /** Ingestion's worker pool (tests pass one whose workers crash on purpose). */
  readonly ingestionPool?: IngestionModuleOptions["pool"];
  /** The assistant's space search (tests pass one over fixture passages); retrieval's by default. */
  readonly searchSpace?: SearchSpace;
}

export interface RunningTributary {
  readonly app: FastifyInstance | null;
  readonly url: string | null;
  readonly resources: Resources;
  readonly metrics: Metrics;
  readonly scheduler: Scheduler | null;
  /** Stops accepting, drains in-flight requests and jobs within the shutdown bound, closes adapters. */
  close(): Promise<void>;
}

/** Starts one Tributary instance in the given role (`all`: API, workers and scheduler in one process). */
export async function startTributary(options: StartTributaryOptions): Promise<RunningTributary> {
  const { config, listen = true } = options;
  const role = options.role ?? config.role;
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const tracing = await createTracing({ endpoint: config.otlpEndpoint, version });
  const resources = await openResources(
    config,
    logger,
    options.sql ? { sql: options.sql, ownsSql: options.ownsSql ?? false } : {},
  );
  registerResourceGauges(metrics, resources);

  const runsApi = role === "all" || role === "api";
  const runsWorker = role === "all" || role === "worker";
  const runsScheduler = role === "all" || role === "scheduler";

  // Suspensions and membership changes reach the other nodes' caches through the cache's broadcasts.
  const accessChanges = await openAccessChanges({
    hearsEveryChange: resources.soleProcess,
    relay: resources.cache,
    onError: (error, change) => logger.error({ err: error, change }, "an access change was not applied"),
  }).catch(async (error: unknown) => {
    await resources.close();
    throw error;
  });
  const identity = createIdentityModule({
    accessChanges,
    sql: resources.sql,
    cache: resources.cache,
    config: config.identity,
    secretKey: config.secretKey,
    issuer: config.publicUrl ?? `http://${config.host}:${config.port}`,
    logger,
    notifyEvents: () => resources.events.notify(),
  });

  const content = createContentModule({
    sql: resources.sql,
    logger,
    notifyEvents: () => resources.events.notify(),
  });
  const retrieval = await createRetrievalModule({
    config: config.retrieval,
    sql: resources.sql,
    events: resources.events,
    logger,
    metrics,
    jobs: resources.jobs,
  }).catch(async (error: unknown) => {
    await resources.close();
    throw error;
  });
  const ingestion = createIngestionModule({
    sql: resources.sql,
    objects: resources.objects,
    jobs: resources.jobs,
    events: resources.events,
    cache: resources.cache,
    config: config.ingestion,
    logger,
    ...(options.ingestionPool ? { pool: options.ingestionPool } : {}),
    indexer: retrieval.indexer,
  });
  const gateway = createGatewayModule({
    config: config.gateway,
    secretKey: config.secretKey,
    sql: resources.sql,
    cache: resources.cache,
    events: resources.events,
    auth: options.auth ?? identity.auth,
    metrics,
    logger,
  });
  await gateway.start();
  const assistant = createAssistantModule({
    sql: resources.sql,
    config: config.assistant,
    chat: gateway.chat,
    searchSpace: options.searchSpace ?? retrieval.searchSpace,
    logger,
  });

  let app: FastifyInstance | null = null;
  let url: string | null = null;
  if (runsApi) {
    app = await buildHttpApp({
      logger,
      metrics,
      tracing,
      probes: [...healthProbes(config, resources), retrieval.probe],
      routes: [
        ...identity.routes,
        ...content.routes,
        ...ingestion.routes,
        ...retrieval.routes,
        ...gateway.routes,
        ...assistant.routes,
        ...(options.routes ?? []),
      ],
      plugins: gateway.plugins,
      auth: options.auth ?? identity.auth,
      idempotency: new IdempotencyStore(resources.sql),
      rateLimiter: (limit) => resources.cache.rateLimiter(limit),
      rateLimitPerMinute: config.rateLimitPerMinute,
      bodyLimitBytes: config.http.bodyLimitBytes,
      corsOrigins: config.http.corsOrigins,
      version,
    });
    await app.ready();
    if (listen) url = await app.listen({ port: config.port, host: config.host });
  }
  if (runsWorker) {
    ingestion.registerWorkers();
    retrieval.registerWorkers();
    await resources.events.start();
    resources.jobs.start();
  }
  const scheduler = runsScheduler ? createScheduler(resources.sql, logger, maintenanceTasks()) : null;
  scheduler?.start();
  // sole_process: this instance is the whole deployment (the embedded database), so its in-process
  // caches hear every access change and keep entries a minute instead of a second.
  logger.info(
    { role, url, adapters: adapterSummary(config), sole_process: resources.soleProcess },
    "tributary started",
  );

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref());
      const drain = async () => {
        await app?.close();
        await scheduler?.stop();
        await resources.jobs.stop({ timeoutMs: config.shutdownTimeoutMs });
        await resources.events.stop();
        await ingestion.close();
        await retrieval.close();
        await assistant.close();
        await gateway.close();
      };
      await Promise.race([drain(), deadline]);
      await resources.close();
      await tracing.shutdown().catch(() => {});
      logger.info("tributary stopped");
    })();
    return closing;
  };
  return { app, url, resources, metrics, scheduler, close };
}

function adapterSummary(config: Config): Record<string, string> {
  return {
    sql: config.sql.kind,
    objects: config.objects.kind,
    cache: config.cache.kind,
    events: config.events.kind,
  };
}
