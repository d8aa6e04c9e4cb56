import { describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/index.js";
import { isAppError } from "../../platform/errors/index.js";
import {
  type Action,
  authorize,
  can,
  type GroupRole,
  type MemberChange,
  type Resource,
  type SpaceRole,
} from "./authorization.js";

const user: Principal = {
  kind: "user",
  id: "u1",
  userId: "u1",
  scopes: null,
  platformRole: "user",
  restrictedToSpaceId: null,
};
const key = (scopes: string[], restrictedToSpaceId: string | null = null): Principal => ({
  ...user,
  kind: "api_key",
  id: "k1",
  scopes,
  restrictedToSpaceId,
});
const space = (
  role: SpaceRole | null,
  extra: Partial<Extract<Resource, { kind: "space" }>> = {},
): Resource => ({
  kind: "space",
  id: "space_1",
  role,
  ...extra,
});
const org = (role: GroupRole | null, change?: MemberChange<GroupRole>): Resource => ({
  kind: "organization",
  id: "org",
  role,
  ...(change ? { change } : {}),
});
const team = (
  role: GroupRole | null,
  organizationRole: GroupRole | null,
  change?: MemberChange<GroupRole>,
): Resource => ({
  kind: "team",
  id: "team",
  role,
  organizationRole,
  ...(change ? { change } : {}),
});

const spaceRoles = ["owner", "admin", "member", "viewer"] as const;
// tas-identity-content §3.5: owner > admin (members, settings) > member (create/edit) > viewer (read).
const spaceMatrix: Record<string, readonly SpaceRole[]> = {
  "space.read": ["owner", "admin", "member", "viewer"],
  "members.read": ["owner", "admin", "member", "viewer"],
  "documents.read": ["owner", "admin", "member", "viewer"],
  "notebooks.read": ["owner", "admin", "member", "viewer"],
  "documents.write": ["owner", "admin", "member"],
  "notebooks.write": ["owner", "admin", "member"],
  "gateway.invoke": ["owner", "admin", "member"],
  "space.update": ["owner", "admin"],
  "members.manage": ["owner", "admin"],
  "invitations.manage": ["owner", "admin"],
  "space.delete": ["owner"],
};

describe("space role matrix", () => {
  const cases = Object.entries(spaceMatrix).flatMap(([action, allowed]) =>
    spaceRoles.map((role) => ({ action: action as Action, role, expected: allowed.includes(role) })),
  );
  it.each(cases)("$role → $action: $expected", ({ action, role, expected }) => {
    expect(can(user, action, space(role))).toBe(expected);
  });

  it.each(Object.keys(spaceMatrix) as Action[])("a non-member may not %s", (action) => {
    expect(can(user, action, space(null))).toBe(false);
  });

  it.each(Object.keys(spaceMatrix) as Action[])("a suspended space is read-only: %s", (action) => {
    const readOnly = ["space.read", "members.read", "documents.read", "notebooks.read"].includes(action);
    expect(can(user, action, space("owner", { suspended: true }))).toBe(readOnly);
  });
});

describe("owner protection on membership changes (§6 M5)", () => {
  const change = (currentRole: SpaceRole | null, newRole: SpaceRole | null, isSelf = false) => ({
    currentRole,
    newRole,
    isSelf,
  });
  it.each([
    { actor: "owner", change: change(null, "owner"), expected: true },
    { actor: "owner", change: change("owner", "member"), expected: true },
    { actor: "owner", change: change("owner", null), expected: true },
    { actor: "admin", change: change(null, "admin"), expected: true },
    { actor: "admin", change: change("member", "viewer"), expected: true },
    { actor: "admin", change: change("viewer", null), expected: true },
    { actor: "admin", change: change(null, "owner"), expected: false },
    { actor: "admin", change: change("member", "owner"), expected: false },
    { actor: "admin", change: change("owner", "member"), expected: false },
    { actor: "admin", change: change("owner", null), expected: false },
    { actor: "member", change: change(null, "viewer"), expected: false },
    { actor: "member", change: change("viewer", null), expected: false },
    { actor: "member", change: change("member", null, true), expected: true },
    { actor: "viewer", change: change("viewer", null, true), expected: true },
    { actor: "viewer", change: change("viewer", "owner", true), expected: false },
  ] as const)("$actor: $change.currentRole → $change.newRole (self: $change.isSelf) = $expected", (row) => {
    expect(can(user, "members.manage", space(row.actor, { change: row.change }))).toBe(row.expected);
  });
});

describe("organization and team matrix (§3.5)", () => {
  const groupRoles = ["owner", "admin", "member"] as const;
  const orgMatrix: Record<string, readonly GroupRole[]> = {
    "organization.read": ["owner", "admin", "member"],
    "organization.update": ["owner", "admin"],
    "organization.members.manage": ["owner", "admin"],
    "organization.spaces.create": ["owner", "admin"],
    "organization.teams.create": ["owner", "admin"],
    "organization.delete": ["owner"],
  };
  const orgCases = Object.entries(orgMatrix).flatMap(([action, allowed]) =>
    [...groupRoles, null].map((role) => ({
      action: action as Action,
      role,
      expected: role !== null && allowed.includes(role),
    })),
  );
  it.each(orgCases)("org $role → $action: $expected", ({ action, role, expected }) => {
    expect(can(user, action, org(role))).toBe(expected);
  });

  it.each([
    { actor: "admin", currentRole: null, newRole: "owner", expected: false },
    { actor: "admin", currentRole: "owner", newRole: null, expected: false },
    { actor: "admin", currentRole: "member", newRole: "admin", expected: true },
    { actor: "owner", currentRole: "owner", newRole: "member", expected: true },
  ] as const)(
    "org $actor: $currentRole → $newRole = $expected",
    ({ actor, currentRole, newRole, expected }) => {
      expect(
        can(user, "organization.members.manage", org(actor, { currentRole, newRole, isSelf: false })),
      ).toBe(expected);
    },
  );

  const teamMatrix: Record<string, readonly GroupRole[]> = {
    "team.read": ["owner", "admin", "member"],
    "team.update": ["owner", "admin"],
    "team.members.manage": ["owner", "admin"],
    "team.delete": ["owner"],
  };
  const teamCases = Object.entries(teamMatrix).flatMap(([action, allowed]) =>
    groupRoles.map((role) => ({ action: action as Action, role, expected: allowed.includes(role) })),
  );
  it.each(teamCases)("team $role (org member) → $action: $expected", ({ action, role, expected }) => {
    expect(can(user, action, team(role, "member"))).toBe(expected);
  });

  it.each([
    { orgRole: "owner", action: "team.delete", expected: true },
    { orgRole: "admin", action: "team.delete", expected: false },
    { orgRole: "admin", action: "team.update", expected: true },
    { orgRole: "admin", action: "team.members.manage", expected: true },
    { orgRole: "member", action: "team.read", expected: true },
    { orgRole: "member", action: "team.update", expected: false },
    { orgRole: null, action: "team.read", expected: false },
  ] as const)(
    "organization $orgRole without a team role → $action: $expected",
    ({ orgRole, action, expected }) => {
      expect(can(user, action, team(null, orgRole))).toBe(expected);
    },
  );
});

describe("API keys: the intersection of the user's role and the key's scopes", () => {
  it.each([
    { scopes: ["documents:read"], action: "documents.read", role: "member", expected: true },
    { scopes: ["documents:read"], action: "documents.write", role: "member", expected: false },
    { scopes: ["documents:write"], action: "documents.write", role: "member", expected: true },
    { scopes: ["documents:write"], action: "documents.write", role: "viewer", expected: false },
    { scopes: ["documents:write"], action: "documents.read", role: "viewer", expected: true },
    { scopes: ["gateway:invoke"], action: "gateway.invoke", role: "member", expected: true },
    { scopes: ["gateway:invoke"], action: "space.update", role: "owner", expected: false },
    { scopes: ["spaces:read"], action: "members.read", role: "viewer", expected: true },
    { scopes: ["spaces:read"], action: "members.manage", role: "owner", expected: false },
    { scopes: ["spaces:write"], action: "members.manage", role: "owner", expected: true },
    { scopes: ["admin"], action: "space.delete", role: "owner", expected: true },
    { scopes: ["admin"], action: "space.delete", role: "admin", expected: false },
  ] as const)("$scopes on $role → $action: $expected", ({ scopes, action, role, expected }) => {
    expect(can(key([...scopes]), action, space(role))).toBe(expected);
  });

  it("a key bound to one space reaches nothing else", () => {
    const bound = key(["admin"], "space_1");
    expect(can(bound, "space.read", space("owner"))).toBe(true);
    expect(can(bound, "space.read", { kind: "space", id: "space_2", role: "owner" })).toBe(false);
    expect(can(bound, "organization.read", org("owner"))).toBe(false);
    expect(can(bound, "organization.create", { kind: "platform" })).toBe(false);
  });
});

describe("platform role", () => {
  it.each([
    { principal: { ...user, platformRole: "admin" as const }, expected: true },
    { principal: user, expected: false },
    { principal: { ...user, platformRole: "developer" as const }, expected: false },
    { principal: { ...key(["admin"]), platformRole: "admin" as const }, expected: true },
    { principal: { ...key(["spaces:write"]), platformRole: "admin" as const }, expected: false },
  ])(
    "platform.administer by $principal.platformRole ($principal.kind) = $expected",
    ({ principal, expected }) => {
      expect(can(principal, "platform.administer", { kind: "platform" })).toBe(expected);
    },
  );

  it("platform admins get no tenant rights from their platform role", () => {
    const admin = { ...user, platformRole: "admin" as const };
    expect(can(admin, "space.read", space(null))).toBe(false);
  });

  it("any signed-in user may create an organization", () => {
    expect(can(user, "organization.create", { kind: "platform" })).toBe(true);
  });
});

describe("authorize", () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return "OK";
    } catch (error) {
      return isAppError(error) ? error.code : "OTHER";
    }
  };
  it("hides what the caller cannot see (404) and refuses what it can (403)", () => {
    expect(codeOf(() => authorize(user, "space.update", space(null)))).toBe("NOT_FOUND");
    expect(codeOf(() => authorize(user, "space.update", space("viewer")))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(user, "space.update", space("admin")))).toBe("OK");
    expect(codeOf(() => authorize(user, "team.update", team(null, null)))).toBe("NOT_FOUND");
    expect(codeOf(() => authorize(user, "team.update", team(null, "member")))).toBe("FORBIDDEN");
    expect(codeOf(() => authorize(key(["documents:read"]), "space.update", space("owner")))).toBe(
      "FORBIDDEN",
    );
    expect(codeOf(() => authorize(key(["admin"], "space_9"), "space.read", space("owner")))).toBe(
      "NOT_FOUND",
    );
  });

  it("says which role or scope fell short", () => {
    try {
      authorize(user, "space.delete", space("admin"));
    } catch (error) {
      expect(String(error)).toContain("admin");
      expect(String(error)).toContain("space.delete");
    }
  });
});
