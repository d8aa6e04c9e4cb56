import type { FastifyRequest } from "fastify";
import { credentialsOf } from "../../../http/context.js";
import type { AuthHooks, Principal, SpaceContext } from "../../../platform/auth/index.js";
import { refreshingLru } from "../../../platform/cache/index.js";
import { AppError, assertNever } from "../../../platform/errors/index.js";
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
  /**
   * How long a resolved membership is reused. Identity's announced changes drop an entry when
   * heard; this bounds only what this process is not told of: a minute where it hears every
   * change, 5 s otherwise (a broadcast from another node can be lost).
   */
  readonly ttlMs?: number;
  /** Told when re-reading a membership in the background failed (the one in hand is kept until its TTL). */
  readonly onRefreshError?: (error: unknown) => void;
}

/**
 * Authenticates a gateway call and resolves its space. Memberships are cached because the
 * gateway's overhead budget has no room for a database round trip per call. A membership change
 * or a space deletion that identity announces drops the entries it touches; a busy caller's
 * entries are re-read in the background before they expire (refreshingLru), so its calls do not
 * stop for the database every `ttlMs` either.
 */
export function createCallerResolver(options: CallerResolverOptions) {
  const changes = options.auth.accessChanges;
  const ttlMs = options.ttlMs ?? (changes?.hearsEveryChange ? 60_000 : 5_000);
  const onRefreshError = options.onRefreshError ?? (() => {});
  const spaces = refreshingLru<string, SpaceContext, { principal: Principal; spaceId: string }>({
    max: 10_000,
    ttlMs,
    load: (_key, { principal, spaceId }) => resolveSpace(principal, spaceId),
    onRefreshError: (error, key) => {
      // A membership that is gone must not outlive the read that found it gone.
      if (error instanceof GatewayError) spaces.delete(key);
      else onRefreshError(error);
    },
  });
  const defaults = refreshingLru<string, string>({
    max: 10_000,
    ttlMs,
    load: (userId) => options.defaultSpaceOf(userId),
    onRefreshError: (error) => onRefreshError(error),
  });
  // Keys are `user|principal|space`: ids contain no "|".
  changes?.subscribe((change) => {
    switch (change.kind) {
      case "user":
        return; // Status and platform role are authenticate's to check, on every call.
      case "membership":
        return spaces.deleteWhere(
          (key) => key.startsWith(`${change.userId}|`) && key.endsWith(`|${change.spaceId}`),
        );
      case "space":
        return spaces.deleteWhere((key) => key.endsWith(`|${change.spaceId}`));
      default:
        return assertNever(change);
    }
  });

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
    const spaceId = requested ?? principal.restrictedToSpaceId ?? (await defaults.get(principal.userId));
    if (!spaceId) {
      throw new GatewayError("permission", "No space to account this call to: send X-Space-ID", {
        code: "space_required",
      });
    }
    const key = `${principal.userId}|${principal.kind}:${principal.id}|${spaceId}`;
    const space = await spaces.get(key, { principal, spaceId });
    if (!space) throw new Error(`resolving space ${spaceId} returned nothing`);
    return {
      principal,
      tenantId: space.tenantId,
      spaceId: space.spaceId,
      userId: principal.userId,
      apiKeyId: principal.kind === "api_key" ? principal.id : null,
    };
  };

  async function resolveSpace(principal: Principal, spaceId: string): Promise<SpaceContext> {
    try {
      return await options.auth.resolveSpace(principal, spaceId);
    } catch (error) {
      if (error instanceof AppError && error.code === "NOT_FOUND") {
        throw new GatewayError("not_found", `Space ${spaceId} not found`, { code: "space_not_found" });
      }
      throw error;
    }
  }
}

export type CallerResolver = ReturnType<typeof createCallerResolver>;
