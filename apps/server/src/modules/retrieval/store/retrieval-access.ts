import type { Principal, SpaceContext } from "../../../platform/auth/index.js";
import { AppError, assertNever } from "../../../platform/errors/index.js";

/**
 * Who calls the dataset API: the tenant is the `X-Space-ID` space's, derived on the server
 * (G20, G21), never taken from the client.
 */
export interface RetrievalCaller {
  readonly principal: Principal;
  readonly space: SpaceContext;
}

/** read: list, get, stats, search; write: store and delete records, create and change datasets; manage: delete datasets. */
export type RetrievalAccess = "read" | "write" | "manage";

const spaceRank: Record<SpaceContext["role"], number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

function minimumRole(access: RetrievalAccess): SpaceContext["role"] {
  switch (access) {
    case "read":
      return "viewer";
    case "write":
      return "member";
    case "manage":
      return "admin";
    default:
      return assertNever(access);
  }
}

/** Viewers search, members write, space owners and admins delete datasets; keys need a documents scope. */
export function requireRetrievalAccess(caller: RetrievalCaller, access: RetrievalAccess): void {
  const scopes = caller.principal.scopes;
  if (scopes !== null && !scopes.includes("admin")) {
    const accepted = access === "read" ? ["documents:read", "documents:write"] : ["documents:write"];
    if (!accepted.some((scope) => scopes.includes(scope))) {
      throw new AppError(
        "FORBIDDEN",
        `This API key lacks a scope needed here (one of ${accepted.join(", ")})`,
        {
          details: { action: `datasets.${access}`, required_scopes: accepted },
        },
      );
    }
  }
  const minimum = minimumRole(access);
  if (spaceRank[caller.space.role] >= spaceRank[minimum]) return;
  throw new AppError(
    "FORBIDDEN",
    `Your role (${caller.space.role}) in Space ${caller.space.spaceId} does not allow this (${minimum} or higher needed)`,
    { details: { action: `datasets.${access}`, role: caller.space.role } },
  );
}

export function tenantOf(caller: RetrievalCaller): string {
  return caller.space.tenantId;
}
