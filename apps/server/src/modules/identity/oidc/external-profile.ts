import type { OidcProviderConfig } from "../../../config/index.js";
import type { UserRow } from "../user-row.js";

export type PlatformRole = UserRow["platform_role"];

/** What we take from a provider about one person, whatever the path (SSO login or Bearer token). */
export interface ExternalProfile {
  readonly provider: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly firstName: string;
  readonly lastName: string;
  /** Provider roles and groups, from `roles`, `groups`, `realm_access.roles` and `resource_access`. */
  readonly roles: readonly string[];
}

type Claims = Readonly<Record<string, unknown>>;

const maxNameLength = 100;
const maxEmailLength = 254;

/**
 * Reads a profile from claim sets of one subject (ID token, userinfo, access token); the first
 * set that has a claim wins, roles are the union of all.
 */
export function profileFromClaims(
  provider: OidcProviderConfig,
  subject: string,
  claimSets: readonly Claims[],
): ExternalProfile {
  const first = (name: string): unknown => claimSets.find((claims) => claims[name] !== undefined)?.[name];
  const email = first("email");
  const [nameFirst = "", ...nameRest] = text(first("name")).split(/\s+/);
  return {
    provider: provider.name,
    subject,
    email: typeof email === "string" && email.includes("@") && email.length <= maxEmailLength ? email : null,
    emailVerified: first("email_verified") === true || first("email_verified") === "true",
    firstName: (text(first("given_name")) || nameFirst).slice(0, maxNameLength),
    lastName: (text(first("family_name")) || nameRest.join(" ")).slice(0, maxNameLength),
    roles: [...new Set(claimSets.flatMap((claims) => rolesIn(claims, provider.client_id)))],
  };
}

/** The platform role the provider's roles map to (the strongest wins), or undefined when none map. */
export function mappedPlatformRole(
  provider: OidcProviderConfig,
  roles: readonly string[],
): PlatformRole | undefined {
  const mapped = new Set<PlatformRole>();
  for (const role of roles) {
    // Keycloak group paths look like "/admins"; accept the map written either way.
    const target = provider.role_map[role] ?? provider.role_map[role.replace(/^\/+/, "")];
    if (target) mapped.add(target);
  }
  return (["admin", "developer", "user"] as const).find((role) => mapped.has(role));
}

function rolesIn(claims: Claims, clientId: string): string[] {
  const realmAccess = record(claims.realm_access);
  const clientAccess = record(record(claims.resource_access)?.[clientId]);
  return [
    ...strings(claims.roles),
    ...strings(claims.groups),
    ...strings(realmAccess?.roles),
    ...strings(clientAccess?.roles),
  ];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}
