import { describe, expect, it } from "vitest";
import type { OidcProviderConfig } from "../../../config/index.js";
import { mappedPlatformRole, profileFromClaims } from "./external-profile.js";

const provider: OidcProviderConfig = {
  name: "kc",
  issuer: "https://kc.example.test/realms/main",
  client_id: "tributary",
  scopes: ["openid"],
  audiences: [],
  role_map: { admins: "admin", devs: "developer", staff: "user" },
};

describe("external profiles", () => {
  it("reads names, email and roles from several claim sets, the first that has a claim winning", () => {
    const profile = profileFromClaims(provider, "s-1", [
      { sub: "s-1", name: "Grace Brewster Hopper" },
      { email: "grace@example.test", email_verified: "true", groups: ["/devs"] },
      { realm_access: { roles: ["staff"] }, resource_access: { tributary: { roles: ["admins"] } } },
    ]);
    expect(profile).toEqual({
      provider: "kc",
      subject: "s-1",
      email: "grace@example.test",
      emailVerified: true,
      firstName: "Grace",
      lastName: "Brewster Hopper",
      roles: ["/devs", "staff", "admins"],
    });
  });

  it("ignores malformed claims", () => {
    const profile = profileFromClaims(provider, "s-2", [
      { email: "not-an-email", email_verified: 1, roles: [3, "devs"], realm_access: "admins" },
    ]);
    expect(profile).toMatchObject({ email: null, emailVerified: false, roles: ["devs"] });
  });

  it("maps roles to the strongest platform role, or none", () => {
    expect(mappedPlatformRole(provider, ["staff", "/devs"])).toBe("developer");
    expect(mappedPlatformRole(provider, ["devs", "admins"])).toBe("admin");
    expect(mappedPlatformRole(provider, ["staff"])).toBe("user");
    expect(mappedPlatformRole(provider, ["unmapped"])).toBeUndefined();
  });
});
