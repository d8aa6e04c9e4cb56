import type { User } from "@tributary/contracts";

/** The platform role, in words: what it lets the user do across the whole instance. */
export const platformRoleLabels: Record<User["platform_role"], string> = {
  admin: "Administrator",
  developer: "Developer",
  user: "User",
};

export const platformRoleDescriptions: Record<User["platform_role"], string> = {
  admin: "Manages providers, users and tenants of this instance",
  developer: "Uses the API gateway and developer tools",
  user: "Works in the spaces they belong to",
};
