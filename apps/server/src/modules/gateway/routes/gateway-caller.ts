import type { FastifyRequest } from "fastify";
import { credentialsOf } from "../../../http/context.js";
import type { AuthHooks, Principal, SpaceContext } from "../../../platform/auth/index.js";
import { expiringLru } from "../../../platform/cache/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { GatewayError } from "../gateway-error.js";

/** Who is calling the gateway and where the call is accounted: tenant and space come from the server. */
export interface GatewayCaller {
  readonly principal: Principal;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly userId: string;
  readonly apiKeyId: string | null;
}

export interface CallerResolverOptions {
  readonly auth: AuthHooks;
  /** The space used when neither the key nor the request names one. */
  readonly defaultSpaceOf: (userId: string) => Promise<string | null>;
  /** How long a resolved membership is reused; a removed member loses access within this bound. */
  readonly ttlMs?: number;
}

/**
 * Authenticates a gateway call and resolves its space. Memberships are cached briefly because
 * the gateway's overhead budget has no room for a database round trip per call.
 */
export function createCallerResolver(options: CallerResolverOptions) {
  const ttl = options.ttlMs ?? 5_000;
  const spaces = expiringLru<string, SpaceContext>({ max: 10_000, ttl });
  const defaults = expiringLru<string, string>({ max: 10_000, ttl });
  // Entries expire under every request in flight at once: those share one lookup, not one each.
  const resolvingSpaces = new Map<string, Promise<SpaceContext>>();
  const resolvingDefaults = new Map<string, Promise<string | null>>();

  return async function resolveCaller(request: FastifyRequest): Promise<GatewayCaller> {
    const principal = await options.auth.authenticate(credentialsOf(request));
    if (!principal) {
      throw new GatewayError("authentication", "Invalid or missing API key", { code: "invalid_api_key" });
    }
    if (
      principal.scopes !== null &&
      !principal.scopes.includes("gateway:invoke") &&
      !principal.scopes.includes("admin")
    ) {
      throw new GatewayError("permission", "This API key lacks the scope gateway:invoke", {
        code: "insufficient_scope",
      });
    }
    const header = request.headers["x-space-id"];
    const requested = typeof header === "string" && header.length > 0 ? header : null;
    const spaceId = requested ?? principal.restrictedToSpaceId ?? (await defaultSpace(principal.userId));
    if (!spaceId) {
      throw new GatewayError("permission", "No space to account this call to: send X-Space-ID", {
        code: "space_required",
      });
    }
    const cacheKey = `${principal.kind}:${principal.id}:${spaceId}`;
    const space = spaces.get(cacheKey) ?? (await resolveSpace(cacheKey, principal, spaceId));
    return {
      principal,
      tenantId: space.tenantId,
      spaceId: space.spaceId,
      userId: principal.userId,
      apiKeyId: principal.kind === "api_key" ? principal.id : null,
    };
  };

  function resolveSpace(cacheKey: string, principal: Principal, spaceId: string): Promise<SpaceContext> {
    let pending = resolvingSpaces.get(cacheKey);
    if (!pending) {
      pending = options.auth
        .resolveSpace(principal, spaceId)
        .then(
          (space) => {
            spaces.set(cacheKey, space);
            return space;
          },
          (error: unknown) => {
            if (error instanceof AppError && error.code === "NOT_FOUND") {
              throw new GatewayError("not_found", `Space ${spaceId} not found`, { code: "space_not_found" });
            }
            throw error;
          },
        )
        .finally(() => resolvingSpaces.delete(cacheKey));
      resolvingSpaces.set(cacheKey, pending);
    }
    return pending;
  }

  function defaultSpace(userId: string): Promise<string | null> {
    const cached = defaults.get(userId);
    if (cached) return Promise.resolve(cached);
    let pending = resolvingDefaults.get(userId);
    if (!pending) {
      pending = options
        .defaultSpaceOf(userId)
        .then((spaceId) => {
          if (spaceId) defaults.set(userId, spaceId);
          return spaceId;
        })
        .finally(() => resolvingDefaults.delete(userId));
      resolvingDefaults.set(userId, pending);
    }
    return pending;
  }
}

export type CallerResolver = ReturnType<typeof createCallerResolver>;
