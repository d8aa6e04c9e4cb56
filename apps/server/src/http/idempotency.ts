import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../platform/errors/index.js";
import type { Principal } from "./context.js";
import { IdempotencyStore } from "./idempotency-store.js";

const keyPattern = /^[\x21-\x7e]{1,255}$/;
const writeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface Result {
  status: number;
  body: unknown;
}

/**
 * Runs a write at most once per `Idempotency-Key`: a replay with the same request returns the
 * first response (marked `Idempotent-Replayed: true`); the same key with another request is refused.
 */
export async function applyIdempotency(options: {
  request: FastifyRequest;
  reply: FastifyReply;
  principal: Principal | null;
  store: IdempotencyStore;
  run: () => Promise<Result>;
}): Promise<Result> {
  const { request, reply, principal, store, run } = options;
  const header = request.headers["idempotency-key"];
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !writeMethods.has(request.method)) return run();
  if (!keyPattern.test(key)) {
    throw new AppError("VALIDATION_ERROR", "Idempotency-Key must be 1 to 255 visible ASCII characters");
  }
  const route = request.routeOptions.url ?? request.url;
  const scope = `${principal?.id ?? `ip:${request.ip}`} ${request.method} ${route}`;
  const hash = IdempotencyStore.hashRequest(request.method, request.url, request.body);
  const claim = await store.claim(scope, key, hash);
  switch (claim.state) {
    case "replay":
      reply.header("idempotent-replayed", "true");
      return { status: claim.statusCode, body: claim.body };
    case "mismatch":
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used with a different request",
      );
    case "in_progress":
      throw new AppError(
        "IDEMPOTENCY_KEY_IN_PROGRESS",
        "A request with this Idempotency-Key is still in progress",
        {
          headers: { "retry-after": "1" },
        },
      );
    case "claimed":
      break;
  }
  try {
    const result = await run();
    await store.complete(scope, key, result.status, result.body, "application/json");
    return result;
  } catch (error) {
    await store.release(scope, key).catch(() => {});
    throw error;
  }
}
