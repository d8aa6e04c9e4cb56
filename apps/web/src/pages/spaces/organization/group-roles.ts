import type { GroupRole } from "@tributary/contracts";

/**
 * The organization and team role rules, mirroring the server's (identity/authorization.ts), so
 * the page offers only what the API will allow. The server still decides every call.
 */
export type { GroupRole };

export const groupRoles: readonly GroupRole[] = ["owner", "admin", "member"];

export const groupRoleLabels: Record<GroupRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
};

export const organizationRoleDescriptions: Record<GroupRole, string> = {
  owner: "Everything, including deleting the organization and managing owners",
  admin: "Edit the organization, manage members (but not owners), create spaces and teams",
  member: "See the organization, its members and its teams",
};

const rank: Record<GroupRole, number> = { member: 1, admin: 2, owner: 3 };

export const atLeast = (role: GroupRole | null | undefined, minimum: GroupRole): boolean =>
  role != null && rank[role] >= rank[minimum];

/** The roles `actor` may give a new member: owners grant any, admins all but owner, members none. */
export function grantableRoles(actor: GroupRole | null | undefined): GroupRole[] {
  if (actor === "owner") return [...groupRoles];
  if (actor === "admin") return ["admin", "member"];
  return [];
}

/**
 * The roles `actor` may set on a member holding `target` (empty: they may neither change nor
 * remove them). Only owners touch owners.
 */
export function manageableRoles(actor: GroupRole | null | undefined, target: GroupRole): GroupRole[] {
  if (actor === "owner") return [...groupRoles];
  if (actor === "admin" && target !== "owner") return ["admin", "member"];
  return [];
}

/** A team role in practice: organization owners act as team owners, organization admins as team admins. */
export function effectiveTeamRole(
  teamRole: GroupRole | null | undefined,
  organizationRole: GroupRole | null | undefined,
): GroupRole | null {
  const fromOrganization = organizationRole === "member" ? null : (organizationRole ?? null);
  const candidates = [teamRole ?? null, fromOrganization].filter((role): role is GroupRole => role !== null);
  return candidates.reduce<GroupRole | null>(
    (best, role) => (best === null || rank[role] > rank[best] ? role : best),
    null,
  );
}

/** What a caller with this (effective) team role may do with a team. */
export function teamPermissions(role: GroupRole | null) {
  return {
    rename: atLeast(role, "admin"),
    delete: role === "owner",
    addMembers: grantableRoles(role).length > 0,
  };
}
