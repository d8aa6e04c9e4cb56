import type { Principal, SpaceContext } from "../../platform/auth/index.js";
import { AppError, assertNever } from "../../platform/errors/index.js";

/** Who acts, and in which space (resolved from `X-Space-ID` by the route builder). */
export interface ContentCaller {
  readonly principal: Principal;
  readonly space: SpaceContext;
}

export type ContentAccess = "read" | "write";
type SpaceRole = SpaceContext["role"];

const spaceRank: Record<SpaceRole, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

/**
 * The space part of the permission matrix (tas-identity-content §3.5): viewers read, members
 * write. This mirrors identity's `notebooks.*`/`documents.*` rules, which its index.ts does not
 * export; the route builder has already checked membership and a key's space binding.
 */
export function requireContentAccess(caller: ContentCaller, access: ContentAccess): void {
  requireKeyScope(caller.principal, access);
  const minimum = minimumRole(access);
  if (spaceRank[caller.space.role] >= spaceRank[minimum]) return;
  throw new AppError(
    "FORBIDDEN",
    `Your role (${caller.space.role}) in Space ${caller.space.spaceId} does not allow ${access === "read" ? "reading" : "changing"} content`,
    { details: { action: `content.${access}`, role: caller.space.role } },
  );
}

/** Space owners and admins manage every notebook of the space (§3.5: "admin = members + content"). */
export function managesSpaceContent(caller: ContentCaller): boolean {
  return spaceRank[caller.space.role] >= spaceRank.admin;
}

/**
 * A private notebook is its owner's (and the space managers'); shared and public ones are open to
 * every member of the space. Sharing with single users or teams is not built yet.
 */
export function canSeeNotebook(
  caller: ContentCaller,
  notebook: { readonly owner_id: string; readonly visibility: string },
): boolean {
  return (
    notebook.visibility !== "private" ||
    notebook.owner_id === caller.principal.userId ||
    managesSpaceContent(caller)
  );
}

/** Rename, move, re-tag or delete a notebook: its owner or a space manager (§3.5 "update"). */
export function requireNotebookOwnerOrManager(
  caller: ContentCaller,
  notebook: { readonly id: string; readonly owner_id: string },
  action: "change" | "delete",
): void {
  if (notebook.owner_id === caller.principal.userId || managesSpaceContent(caller)) return;
  throw new AppError(
    "FORBIDDEN",
    `Only the notebook's owner or a space owner or admin may ${action} notebook ${notebook.id}`,
    { details: { action: `notebook.${action}`, role: caller.space.role } },
  );
}

/** Making a notebook public is for space owners and admins (§2.3 visibility transitions). */
export function requireMayPublish(caller: ContentCaller): void {
  if (managesSpaceContent(caller)) return;
  throw new AppError("FORBIDDEN", "Insufficient permissions to make notebook public", {
    details: { action: "notebook.publish", role: caller.space.role },
  });
}

/** API keys: `documents:read` or `documents:write` reads, `documents:write` writes; `admin` does all. */
function requireKeyScope(principal: Principal, access: ContentAccess): void {
  if (principal.scopes === null || principal.scopes.includes("admin")) return;
  const accepted = access === "read" ? ["documents:read", "documents:write"] : ["documents:write"];
  if (accepted.some((scope) => principal.scopes?.includes(scope))) return;
  throw new AppError("FORBIDDEN", `This API key lacks a scope needed here (one of ${accepted.join(", ")})`, {
    details: { action: `content.${access}`, required_scopes: accepted },
  });
}

function minimumRole(access: ContentAccess): SpaceRole {
  switch (access) {
    case "read":
      return "viewer";
    case "write":
      return "member";
    default:
      return assertNever(access);
  }
}
