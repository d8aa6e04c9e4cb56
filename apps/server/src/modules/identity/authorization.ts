import type { Principal, SpaceContext } from "../../platform/auth/index.js";
import { AppError, assertNever } from "../../platform/errors/index.js";

export type SpaceRole = SpaceContext["role"];
/** Organization and team roles (tas-identity-content §3.4): spaces add `viewer`. */
export type GroupRole = "owner" | "admin" | "member";

/** Every action the platform authorizes; a closed set so each one is decided on purpose. */
export type Action =
  | "space.read"
  | "space.update"
  | "space.delete"
  | "members.read"
  | "members.manage"
  | "invitations.manage"
  | "documents.read"
  | "documents.write"
  | "notebooks.read"
  | "notebooks.write"
  | "gateway.invoke"
  | "invitation.accept"
  | "organization.create"
  | "organization.read"
  | "organization.update"
  | "organization.delete"
  | "organization.members.manage"
  | "organization.spaces.create"
  | "organization.teams.create"
  | "team.read"
  | "team.update"
  | "team.delete"
  | "team.members.manage"
  | "platform.administer";

/**
 * A membership change being judged (`currentRole` null: adding; `newRole` null: removing).
 * Owner protection (§6 M5): only an owner may touch an owner or grant owner; anyone may leave.
 */
export interface MemberChange<R extends string> {
  readonly currentRole: R | null;
  readonly newRole: R | null;
  readonly isSelf: boolean;
}

/** What is acted on, with the caller's role in it (null: not a member, so not visible). */
export type Resource =
  | {
      readonly kind: "space";
      readonly id: string;
      readonly role: SpaceRole | null;
      /** A suspended space is read-only for everyone (§3.5). */
      readonly suspended?: boolean;
      readonly change?: MemberChange<SpaceRole>;
    }
  | {
      readonly kind: "organization";
      readonly id: string;
      readonly role: GroupRole | null;
      readonly change?: MemberChange<GroupRole>;
    }
  | {
      readonly kind: "team";
      readonly id: string;
      readonly role: GroupRole | null;
      /** The caller's role in the team's organization: org owners and admins manage its teams. */
      readonly organizationRole: GroupRole | null;
      readonly change?: MemberChange<GroupRole>;
    }
  /** Actions on nothing that exists yet (create an organization) or on the platform itself. */
  | { readonly kind: "platform" };

const spaceRank: Record<SpaceRole, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };
const groupRank: Record<GroupRole, number> = { member: 1, admin: 2, owner: 3 };

/**
 * The one decision on every access: the user's role in the resource, narrowed for an API key to
 * what its scopes allow (a key's rights are the intersection of its user's rights and its scopes).
 */
export function can(principal: Principal, action: Action, resource: Resource): boolean {
  if (!scopesAllow(principal, action)) return false;
  if (!keyMayReach(principal, resource)) return false;
  return roleAllows(principal, action, resource);
}

/** `can`, or an AppError: NOT_FOUND where the resource is not the caller's to see, else FORBIDDEN. */
export function authorize(principal: Principal, action: Action, resource: Resource): void {
  if (can(principal, action, resource)) return;
  if (!isVisible(principal, resource)) throw new AppError("NOT_FOUND", `${describe(resource)} not found`);
  authorizeScope(principal, action);
  const role = "role" in resource ? resource.role : null;
  throw new AppError(
    "FORBIDDEN",
    `Your role${role ? ` (${role})` : ""} in ${describe(resource)} does not allow ${action}`,
    { details: { action, role } },
  );
}

/** For lists, which show only what the caller belongs to: refuses a key whose scopes never allow the action. */
export function authorizeScope(principal: Principal, action: Action): void {
  if (scopesAllow(principal, action)) return;
  const scope = requiredScopes(action);
  throw new AppError(
    "FORBIDDEN",
    `This API key lacks a scope needed for ${action} (one of ${scope.join(", ")})`,
    {
      details: { action, required_scopes: scope },
    },
  );
}

/** Whether the caller may know the resource exists (members do; a key bound to a space sees only it). */
export function isVisible(principal: Principal, resource: Resource): boolean {
  if (!keyMayReach(principal, resource)) return false;
  switch (resource.kind) {
    case "space":
    case "organization":
      return resource.role !== null;
    case "team":
      return resource.role !== null || resource.organizationRole !== null;
    case "platform":
      return true;
    default:
      return assertNever(resource);
  }
}

/** A key bound to one space reaches only that space (platform actions are judged by the role rules). */
function keyMayReach(principal: Principal, resource: Resource): boolean {
  if (principal.restrictedToSpaceId === null || resource.kind === "platform") return true;
  return resource.kind === "space" && resource.id === principal.restrictedToSpaceId;
}

function roleAllows(principal: Principal, action: Action, resource: Resource): boolean {
  switch (action) {
    case "space.read":
    case "members.read":
    case "documents.read":
    case "notebooks.read":
      return spaceRoleAtLeast(resource, "viewer", { write: false });
    case "documents.write":
    case "notebooks.write":
    case "gateway.invoke":
      return spaceRoleAtLeast(resource, "member", { write: true });
    case "space.update":
    case "invitations.manage":
      return spaceRoleAtLeast(resource, "admin", { write: true });
    case "members.manage":
      return spaceMemberChangeAllowed(resource);
    case "space.delete":
      return spaceRoleAtLeast(resource, "owner", { write: true });
    case "invitation.accept":
    case "organization.create":
      return resource.kind === "platform" && principal.restrictedToSpaceId === null;
    case "organization.read":
      return groupRoleAtLeast(resource, "organization", "member");
    case "organization.update":
    case "organization.spaces.create":
    case "organization.teams.create":
      return groupRoleAtLeast(resource, "organization", "admin");
    case "organization.members.manage":
      return resource.kind === "organization" && groupChangeAllowed(resource.role, resource.change);
    case "organization.delete":
      return groupRoleAtLeast(resource, "organization", "owner");
    case "team.read":
      return resource.kind === "team" && (resource.role !== null || resource.organizationRole !== null);
    case "team.update":
      return resource.kind === "team" && atLeast(effectiveTeamRole(resource), "admin");
    case "team.members.manage":
      return resource.kind === "team" && groupChangeAllowed(effectiveTeamRole(resource), resource.change);
    case "team.delete":
      return resource.kind === "team" && atLeast(effectiveTeamRole(resource), "owner");
    case "platform.administer":
      return (
        resource.kind === "platform" &&
        principal.platformRole === "admin" &&
        principal.restrictedToSpaceId === null
      );
    default:
      return assertNever(action);
  }
}

function spaceRoleAtLeast(resource: Resource, minimum: SpaceRole, options: { write: boolean }): boolean {
  if (resource.kind !== "space" || resource.role === null) return false;
  if (options.write && resource.suspended === true) return false;
  return spaceRank[resource.role] >= spaceRank[minimum];
}

function spaceMemberChangeAllowed(resource: Resource): boolean {
  if (resource.kind !== "space" || resource.role === null || resource.suspended === true) return false;
  const change = resource.change;
  if (change?.isSelf && change.newRole === null) return true;
  if (spaceRank[resource.role] < spaceRank.admin) return false;
  if (resource.role === "owner") return true;
  return change === undefined || (change.currentRole !== "owner" && change.newRole !== "owner");
}

function groupRoleAtLeast(resource: Resource, kind: "organization", minimum: GroupRole): boolean {
  return resource.kind === kind && atLeast(resource.role, minimum);
}

function atLeast(role: GroupRole | null, minimum: GroupRole): boolean {
  return role !== null && groupRank[role] >= groupRank[minimum];
}

function groupChangeAllowed(role: GroupRole | null, change: MemberChange<GroupRole> | undefined): boolean {
  if (role === null) return false;
  if (change?.isSelf && change.newRole === null) return true;
  if (!atLeast(role, "admin")) return false;
  if (role === "owner") return true;
  return change === undefined || (change.currentRole !== "owner" && change.newRole !== "owner");
}

/** Org owners act as team owners and org admins as team admins, over every team of the org. */
function effectiveTeamRole(resource: {
  role: GroupRole | null;
  organizationRole: GroupRole | null;
}): GroupRole | null {
  const candidates = [
    resource.role,
    resource.organizationRole === "member" ? null : resource.organizationRole,
  ];
  let best: GroupRole | null = null;
  for (const role of candidates)
    if (role !== null && (best === null || groupRank[role] > groupRank[best])) best = role;
  return best;
}

/** API key scopes that admit an action; a session (scopes null) has its user's full rights. */
export function requiredScopes(action: Action): readonly string[] {
  switch (action) {
    case "documents.read":
    case "notebooks.read":
      return ["documents:read", "documents:write"];
    case "documents.write":
    case "notebooks.write":
      return ["documents:write"];
    case "gateway.invoke":
      return ["gateway:invoke"];
    case "space.read":
      return ["spaces:read", "spaces:write", "documents:read", "documents:write", "gateway:invoke"];
    case "members.read":
    case "organization.read":
    case "team.read":
      return ["spaces:read", "spaces:write"];
    case "space.update":
    case "space.delete":
    case "members.manage":
    case "invitations.manage":
    case "invitation.accept":
    case "organization.create":
    case "organization.update":
    case "organization.delete":
    case "organization.members.manage":
    case "organization.spaces.create":
    case "organization.teams.create":
    case "team.update":
    case "team.delete":
    case "team.members.manage":
      return ["spaces:write"];
    case "platform.administer":
      return [];
    default:
      return assertNever(action);
  }
}

function scopesAllow(principal: Principal, action: Action): boolean {
  if (principal.scopes === null) return true;
  if (principal.scopes.includes("admin")) return true;
  return requiredScopes(action).some((scope) => principal.scopes?.includes(scope));
}

function describe(resource: Resource): string {
  switch (resource.kind) {
    case "space":
      return `Space ${resource.id}`;
    case "organization":
      return `Organization ${resource.id}`;
    case "team":
      return `Team ${resource.id}`;
    case "platform":
      return "the platform";
    default:
      return assertNever(resource);
  }
}
