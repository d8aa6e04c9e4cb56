import type { SpaceMember } from "@tributary/contracts";

export type SpaceRole = SpaceMember["role"];

export const roleLabels: Record<SpaceRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** What each role may do, as the server decides it (shown next to role pickers). */
export const roleDescriptions: Record<SpaceRole, string> = {
  owner: "Everything, including deleting the space",
  admin: "Manage settings, members and invitations",
  member: "Add and edit documents, use the assistant",
  viewer: "Read documents and search",
};

const rank: Record<SpaceRole, number> = { viewer: 1, member: 2, admin: 3, owner: 4 };

export const atLeast = (role: SpaceRole | undefined, minimum: SpaceRole): boolean =>
  role !== undefined && rank[role] >= rank[minimum];

/**
 * Whether `actor` may change or remove a member holding `target`, and which roles they may grant:
 * admins manage everyone but owners and cannot make owners; owners manage everyone.
 */
export function manageableRoles(actor: SpaceRole | undefined, target: SpaceRole): SpaceRole[] {
  if (actor === "owner") return ["owner", "admin", "member", "viewer"];
  if (actor === "admin" && target !== "owner") return ["admin", "member", "viewer"];
  return [];
}
