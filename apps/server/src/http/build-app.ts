import cors from "@fastify/cors";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { pooledUuidV7 } from "../platform/crypto/index.js";
import { AppError } from "../platform/errors/index.js";
import type { Logger } from "../platform/telemetry/logger.js";
import type { Metrics } from "../platform/telemetry/metrics.js";
import type { Tracing } from "../platform/telemetry/tracing.js";
import type { AuthHooks } from "./context.js";
import { errorEnvelope, handleError } from "./errors.js";
import { type HealthProbe, healthRoutes } from "./health-routes.js";
import type { IdempotencyStore } from "./idempotency-store.js";
import { lazyRequestLogger } from "./lazy-request-logger.js";
import { registerMetrics } from "./metrics-route.js";
import { registerOpenApi } from "./openapi.js";
import type { RateLimiterFactory } from "./rate-limit.js";
import { type AnyRoute, registerRoutes } from "./route-builder.js";
import { traceRequests } from "./trace-requests.js";
import { registerWebApp, type WebApp } from "./web-app.js";

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly tracing?: Tracing;
  readonly probes: readonly HealthProbe[];
  readonly routes: readonly AnyRoute[];
  /** Routes that cannot use the route builder (the gateway's wire-protocol endpoints), as encapsulated plugins. */
  readonly plugins?: ReadonlyArray<(app: FastifyInstance) => Promise<void>>;
  readonly auth: AuthHooks;
  readonly idempotency: IdempotencyStore;
  readonly rateLimiter: RateLimiterFactory;
  readonly rateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly corsOrigins: readonly string[];
  readonly version: string;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

/** Nobody is let in until the identity module provides real hooks. */
export const denyAllAuth: AuthHooks = {
  authenticate: async () => null,
  resolveSpace: async () => {
    throw new AppError("NOT_FOUND", "Space not found");
  },
};

export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimitBytes,
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && requestIdPattern.test(incoming) ? incoming : pooledUuidV7();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
    return503OnClosing: true,
    // Malformed URLs and over-long path parameters get the envelope like every other error.
    frameworkErrors: (error, request, reply) => handleError(error, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  let web: WebApp | null = null;
  app.setNotFoundHandler(async (request, reply) => {
    if (web && (await web.serveFallback(request, reply))) return reply;
    const error = new AppError("ROUTE_NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}`);
    return reply.status(404).send(errorEnvelope(error, request.id));
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  if (options.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: options.corsOrigins.includes("*") ? true : [...options.corsOrigins],
      credentials: true,
      exposedHeaders: [
        "x-request-id",
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
        "retry-after",
      ],
    });
  }
  registerMetrics(app, options.metrics);
  if (options.tracing) traceRequests(app, options.tracing);
  await registerOpenApi(app, options.version);
  registerRoutes(app, [...healthRoutes(options.probes), ...options.routes], {
    auth: options.auth,
    idempotency: options.idempotency,
    rateLimiter: options.rateLimiter,
    defaultRateLimit: { limit: options.rateLimitPerMinute, windowMs: 60_000 },
  });
  for (const plugin of options.plugins ?? []) await app.register(plugin);
  web = await registerWebApp(app);
  return app;
}
