import { describe, expect, it } from "vitest";
import { effectiveTeamRole, grantableRoles, manageableRoles, teamPermissions } from "./group-roles";
import { memberIdentity } from "./member-identity";

describe("organization role rules", () => {
  it("lets owners grant and manage every role", () => {
    expect(grantableRoles("owner")).toEqual(["owner", "admin", "member"]);
    expect(manageableRoles("owner", "owner")).toEqual(["owner", "admin", "member"]);
  });
  it("lets admins manage everyone but owners, without granting owner", () => {
    expect(grantableRoles("admin")).toEqual(["admin", "member"]);
    expect(manageableRoles("admin", "member")).toEqual(["admin", "member"]);
    expect(manageableRoles("admin", "owner")).toEqual([]);
  });
  it("gives members and outsiders nothing to manage", () => {
    expect(grantableRoles("member")).toEqual([]);
    expect(grantableRoles(null)).toEqual([]);
    expect(manageableRoles("member", "member")).toEqual([]);
  });
});

describe("team role rules", () => {
  it("counts organization owners and admins as team owners and admins, but not organization members", () => {
    expect(effectiveTeamRole(null, "owner")).toBe("owner");
    expect(effectiveTeamRole("member", "admin")).toBe("admin");
    expect(effectiveTeamRole("owner", "admin")).toBe("owner");
    expect(effectiveTeamRole(null, "member")).toBeNull();
    expect(effectiveTeamRole("admin", "member")).toBe("admin");
  });
  it("lets admins rename and add, and only owners delete", () => {
    expect(teamPermissions("owner")).toEqual({ rename: true, delete: true, addMembers: true });
    expect(teamPermissions("admin")).toEqual({ rename: true, delete: false, addMembers: true });
    expect(teamPermissions("member")).toEqual({ rename: false, delete: false, addMembers: false });
    expect(teamPermissions(null)).toEqual({ rename: false, delete: false, addMembers: false });
  });
});

describe("memberIdentity", () => {
  it("sends a UUID as user_id and anything else as email", () => {
    expect(memberIdentity(" 0190F0B0-0000-7000-8000-000000000002 ")).toEqual({
      user_id: "0190f0b0-0000-7000-8000-000000000002",
    });
    expect(memberIdentity(" bob@example.com ")).toEqual({ email: "bob@example.com" });
  });
});
