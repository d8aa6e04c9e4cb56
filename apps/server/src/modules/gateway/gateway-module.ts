import type { FastifyInstance } from "fastify";
import type { GatewayConfig } from "../../config/index.js";
import type { AuthHooks } from "../../platform/auth/index.js";
import type { CacheStore } from "../../platform/cache/index.js";
import type { EventBus } from "../../platform/events/index.js";
import type { Sql } from "../../platform/sql/index.js";
import type { Logger } from "../../platform/telemetry/logger.js";
import type { Metrics } from "../../platform/telemetry/metrics.js";
import { personalSpaceOf, usageGroupLabels } from "../identity/index.js";
import { preparePiiNameDetection } from "../ingestion/index.js";
import { createUsageRecorder, usageRoutes } from "../usage/index.js";
import { createBudgetGuard } from "./budgets/index.js";
import { ResponseCache } from "./cache/response-cache.js";
import { createCatalog } from "./catalog/catalog-store.js";
import type { GatewayDeps } from "./endpoints/serve-completion.js";
import { createGatewayMetrics } from "./gateway-metrics.js";
import type { BudgetPort } from "./gateway-ports.js";
import { createGuardrails } from "./guardrails/guardrails.js";
import { createInProcessGateway } from "./in-process-gateway.js";
import { createKeyLimits } from "./limits/index.js";
import { budgetRoutes } from "./routes/budget-routes.js";
import { catalogRoutes } from "./routes/catalog-routes.js";
import { createCallerResolver } from "./routes/gateway-caller.js";
import { registerWireRoutes } from "./routes/wire-routes.js";
import { CircuitBreakers } from "./routing/circuit-breaker.js";
import { LatencyTracker } from "./routing/latency-tracker.js";
import { LocalModelPool } from "./upstream/local/local-model-pool.js";
import { LocalUpstream } from "./upstream/local/local-upstream.js";
import { Upstreams } from "./upstream/provider-upstreams.js";
import { UpstreamClient } from "./upstream/upstream-client.js";

export interface GatewayModuleOptions {
  readonly config: GatewayConfig;
  readonly secretKey: string;
  readonly sql: Sql;
  readonly cache: CacheStore;
  readonly events: EventBus;
  readonly auth: AuthHooks;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** The gateway accepts bigger bodies than the platform API (images, long contexts). */
  readonly bodyLimitBytes?: number;
}

/** The LLM gateway: OpenAI/Anthropic endpoints, catalog admin, budgets; metering through the usage module. */
export function createGatewayModule(options: GatewayModuleOptions) {
  const { config, sql, cache, logger } = options;
  const catalog = createCatalog({
    sql,
    cache,
    secretKey: options.secretKey,
    declared: config.providers,
    defaultTimeoutMs: config.upstreamTimeoutMs,
    logger,
  });
  const gatewayMetrics = createGatewayMetrics(options.metrics);
  const recorder = createUsageRecorder({
    sql,
    logger,
    bufferSize: config.usageBufferSize,
    flushIntervalMs: config.usageFlushMs,
  });
  // Local GGUF models load on their first call (node-llama-cpp is imported then, not at start).
  const upstream = new Upstreams(new UpstreamClient(), new LocalUpstream(new LocalModelPool({ logger })));
  const guard = createBudgetGuard({ sql, cache, logger, notifyEvents: () => options.events.notify() });
  const budgets: BudgetPort = {
    async reserve(scope, estimateUsd) {
      const result = await guard.reserve({
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        userId: scope.userId,
        apiKeyId: scope.apiKeyId,
        keyBudgets: scope.keyBudgets
          ? {
              budget_daily_usd: scope.keyBudgets.dailyUsd ?? null,
              budget_monthly_usd: scope.keyBudgets.monthlyUsd ?? null,
              budget_mode: scope.keyBudgets.mode,
            }
          : null,
        estimateUsd,
      });
      if (result.ok) return result;
      const { scope: what, period, limit_usd, spent_usd } = result.exceeded;
      return { ok: false, exceeded: { scope: what, period, limitUsd: limit_usd, spentUsd: spent_usd } };
    },
    settle: (reservation, actualUsd) => guard.settle(reservation as never, actualUsd),
    release: (reservation) => guard.release(reservation as never),
  };
  const deps: GatewayDeps = {
    resolveCaller: createCallerResolver({
      auth: options.auth,
      defaultSpaceOf: (userId) => personalSpaceOf(sql, userId),
      onRefreshError: (error) => logger.warn({ err: error }, "re-reading a gateway caller's space failed"),
    }),
    catalog,
    upstream,
    breakers: new CircuitBreakers(config.circuit.failures, config.circuit.cooldownMs),
    latency: new LatencyTracker(),
    responseCache: new ResponseCache(cache, config.cacheTtlSeconds * 1000),
    limits: createKeyLimits(cache),
    budgets,
    usage: recorder,
    guardrails: createGuardrails(),
    metrics: gatewayMetrics,
    defaultGuardrailPolicy: config.guardrailPolicy,
    logger,
  };
  const routes = [
    ...catalogRoutes(catalog, { sql, logger }),
    ...budgetRoutes({ sql, budgets: guard }),
    ...usageRoutes({
      sql,
      labelGroups: (tenantId, group, ids) => usageGroupLabels(sql, tenantId, group, ids),
    }),
  ];
  return {
    routes,
    plugins: [registerWireRoutes(deps, options.bodyLimitBytes ?? 32 * 1024 * 1024)] as Array<
      (app: FastifyInstance) => Promise<void>
    >,
    catalog,
    /** The same governed pipeline for modules of this process: `complete`, `stream`, model info. */
    chat: createInProcessGateway(deps, logger),
    async start(): Promise<void> {
      await catalog.start();
      // Guardrails on by default: load the name tagger now, not during the first guarded call.
      if (config.guardrailPolicy !== "off") preparePiiNameDetection();
    },
    /** Stops polling, flushes every buffered usage record, closes upstream connections and local models. */
    async close(): Promise<void> {
      catalog.stop();
      await guard.idle();
      await recorder.close();
      await upstream.close();
    },
  };
}

export type GatewayModule = ReturnType<typeof createGatewayModule>;
