import { createHash } from "node:crypto";
import multipart from "@fastify/multipart";
import { errorEnvelopeSchema } from "@tributary/contracts";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../platform/errors/index.js";
import { type AuthHooks, credentialsOf, type Principal, type SpaceContext } from "./context.js";
import { applyIdempotency } from "./idempotency.js";
import type { IdempotencyStore } from "./idempotency-store.js";
import { enforceRateLimit, type RateLimiterFactory } from "./rate-limit.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
  /** Set when `auth` is "required" (the builder refuses the call otherwise). */
  readonly principal: Principal | null;
  /** Set when `space` is true: resolved from `X-Space-ID` for this principal. */
  readonly space: SpaceContext | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/** Everything a route declares; the builder owns parsing, auth, space, limits, idempotency and errors. */
export interface RouteDefinition<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  readonly url: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly auth: "public" | "required";
  /** Requires `X-Space-ID`; the tenant is derived from the space on the server. */
  readonly space?: boolean;
  /** API key scopes needed (a session has its user's full rights). */
  readonly scopes?: readonly string[];
  /** Per-caller limit for this route; `false` exempts it (health, metrics). Default: the global limit. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number } | false;
  readonly bodyLimit?: number;
  readonly body?: B;
  readonly query?: Q;
  readonly params?: P;
  readonly response: R;
  /** Success status, 200 by default. */
  readonly status?: number;
  /** Other statuses the handler may choose with `reply.status()`, with their body schemas. */
  readonly otherResponses?: Readonly<Record<number, z.ZodType>>;
  /** Hide from the OpenAPI document (static assets, docs). */
  readonly hidden?: boolean;
  /** Reads a multipart/form-data body itself, streaming its parts (`request.parts()`); see `registerRoutes`. */
  readonly multipart?: boolean;
  handler(context: RouteContext<Out<B>, Out<Q>, Out<P>>): Promise<z.output<R>>;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of routes erases their schema types.
export type AnyRoute = RouteDefinition<any, any, any, any>;

/** Identity function that infers a route's types from its schemas. */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType = z.ZodType,
>(route: RouteDefinition<B, Q, P, R>): RouteDefinition<B, Q, P, R> {
  return route;
}

export interface RouteDependencies {
  readonly auth: AuthHooks;
  readonly idempotency: IdempotencyStore;
  readonly rateLimiter: RateLimiterFactory;
  readonly defaultRateLimit: { readonly limit: number; readonly windowMs: number };
}

const spaceIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly AnyRoute[],
  deps: RouteDependencies,
): void {
  // Routes without their own limit share one per-caller budget; a route's own limit is its own bucket.
  const sharedLimiter = deps.rateLimiter({ name: "api", ...deps.defaultRateLimit });
  const limiterOf = (route: AnyRoute) =>
    route.rateLimit === false
      ? null
      : route.rateLimit === undefined
        ? sharedLimiter
        : deps.rateLimiter({ name: limiterName(route), ...route.rateLimit });
  for (const route of routes) if (!route.multipart) registerRoute(app, route, limiterOf(route), deps);
  const uploads = routes.filter((route) => route.multipart);
  if (uploads.length === 0) return;
  // @fastify/multipart adds an async onRequest and onResponse hook to every route in its context
  // (for its disk mode, which we do not use): registered around the upload routes alone, so other
  // routes, the gateway's included, do not pay two promise chains per request. Multipart bodies are
  // streamed by these routes; nothing is buffered.
  void app.register(async (context) => {
    await context.register(multipart, { throwFileSizeLimit: true });
    for (const route of uploads) registerRoute(context, route, limiterOf(route), deps);
  });
}

function registerRoute(
  app: FastifyInstance,
  route: AnyRoute,
  limiter: ReturnType<RateLimiterFactory> | null,
  deps: RouteDependencies,
): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.route({
    method: route.method,
    url: route.url,
    ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
    schema: {
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: [...route.tags],
      ...(route.hidden ? { hide: true } : {}),
      ...(route.auth === "required" ? { security: [{ bearerAuth: [] }] } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.params ? { params: route.params } : {}),
      ...(route.space ? { headers: spaceHeaderSchema } : {}),
      response: {
        [route.status ?? 200]: route.response,
        ...route.otherResponses,
        "4XX": errorEnvelopeSchema,
        "5XX": errorEnvelopeSchema,
      },
    },
    handler: async (request, reply) => {
      const principal = await authenticate(route, request, deps.auth);
      if (limiter) await enforceRateLimit(limiter, principal?.id ?? `ip:${request.ip}`, reply);
      const space = route.space ? await resolveSpace(request, principal, deps.auth) : null;
      const context: RouteContext<unknown, unknown, unknown> = {
        body: request.body,
        query: request.query,
        params: request.params,
        principal,
        space,
        request,
        reply,
      };
      const run = async () => {
        const body = await route.handler(context as never);
        // A handler picks one of its declared `otherResponses` with reply.status().
        const status = reply.statusCode !== 200 ? reply.statusCode : (route.status ?? 200);
        return { status, body };
      };
      const result = await applyIdempotency({ request, reply, principal, store: deps.idempotency, run });
      // A streaming handler took the response over (reply.hijack()) and has written it itself.
      if (reply.sent) return reply;
      return reply.status(result.status).send(result.body as never);
    },
  });
}

function limiterName(route: AnyRoute): string {
  const slug = `${route.method}.${route.url}`.replace(/[^A-Za-z0-9_.-]+/g, "_");
  return slug.length <= 64
    ? slug
    : `${slug.slice(0, 47)}.${createHash("sha256").update(slug).digest("hex").slice(0, 16)}`;
}

async function authenticate(
  route: AnyRoute,
  request: FastifyRequest,
  auth: AuthHooks,
): Promise<Principal | null> {
  if (route.auth === "public") return null;
  const principal = await auth.authenticate(credentialsOf(request));
  if (!principal) {
    throw new AppError(
      "UNAUTHORIZED",
      "Authentication required: send Authorization: Bearer <token or API key>",
      {
        headers: { "www-authenticate": 'Bearer realm="tributary"' },
      },
    );
  }
  const missing = (route.scopes ?? []).filter(
    (scope) =>
      principal.scopes !== null && !principal.scopes.includes(scope) && !principal.scopes.includes("admin"),
  );
  if (missing.length > 0) {
    throw new AppError(
      "FORBIDDEN",
      `This API key lacks the scope${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`,
      {
        details: { missing_scopes: missing },
      },
    );
  }
  return principal;
}

async function resolveSpace(
  request: FastifyRequest,
  principal: Principal | null,
  auth: AuthHooks,
): Promise<SpaceContext> {
  const header = request.headers["x-space-id"];
  const spaceId = Array.isArray(header) ? header[0] : header;
  if (!spaceId || !spaceIdPattern.test(spaceId)) {
    throw new AppError("VALIDATION_ERROR", "This call acts in a space: send the X-Space-ID header", {
      details: { header: "X-Space-ID" },
    });
  }
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required for space-scoped calls");
  return auth.resolveSpace(principal, spaceId);
}

const spaceHeaderSchema = z.object({
  "x-space-id": z.string().describe("The space this call acts in (e.g. space_1700000000001)").optional(),
});
