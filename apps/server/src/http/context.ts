import type { FastifyRequest } from "fastify";
import type { Credentials } from "../platform/auth/index.js";

export type { AuthHooks, Credentials, Principal, SpaceContext } from "../platform/auth/index.js";

/** The credentials a request presents: `Authorization: Bearer …` or `x-api-key`. */
export function credentialsOf(request: FastifyRequest): Credentials {
  const authorization = request.headers.authorization;
  const match = typeof authorization === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  const apiKey = request.headers["x-api-key"];
  return {
    bearer: match?.[1] ?? null,
    apiKey: typeof apiKey === "string" && apiKey.length > 0 ? apiKey : null,
    ip: request.ip,
  };
}
