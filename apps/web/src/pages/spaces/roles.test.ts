import { describe, expect, it } from "vitest";
import { atLeast, manageableRoles } from "./roles";

describe("manageableRoles", () => {
  it("lets owners grant every role to anyone", () => {
    expect(manageableRoles("owner", "owner")).toEqual(["owner", "admin", "member", "viewer"]);
  });
  it("lets admins manage everyone but owners, without granting owner", () => {
    expect(manageableRoles("admin", "member")).toEqual(["admin", "member", "viewer"]);
    expect(manageableRoles("admin", "owner")).toEqual([]);
  });
  it("gives members and viewers nothing to manage", () => {
    expect(manageableRoles("member", "viewer")).toEqual([]);
    expect(manageableRoles("viewer", "viewer")).toEqual([]);
    expect(manageableRoles(undefined, "viewer")).toEqual([]);
  });
});

describe("atLeast", () => {
  it("ranks viewer < member < admin < owner", () => {
    expect(atLeast("admin", "admin")).toBe(true);
    expect(atLeast("member", "admin")).toBe(false);
    expect(atLeast("owner", "viewer")).toBe(true);
    expect(atLeast(undefined, "viewer")).toBe(false);
  });
});
