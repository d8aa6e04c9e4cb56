import type { AccessChanges } from "./access-changes.js";

/** Who is calling. Built by the identity module from a session token, an API key or an SSO token. */
export interface Principal {
  readonly kind: "user" | "api_key";
  /** The user id, or the API key id for keys. */
  readonly id: string;
  readonly userId: string;
  /** `null` means the full rights of the user (a session); a key lists what it may do. */
  readonly scopes: readonly string[] | null;
  readonly platformRole: "admin" | "user" | "developer";
  /** An API key bound to one space may act only there. */
  readonly restrictedToSpaceId: string | null;
  /** Set for API keys: where the key acts and what the LLM gateway enforces for it. */
  readonly apiKey?: ApiKeyPrincipal;
}

/** The key behind an `api_key` principal, as verified (no database read needed to use it). */
export interface ApiKeyPrincipal {
  /** The tenant the key acts for: its space's, or its owner's personal tenant. */
  readonly tenantId: string | null;
  readonly spaceId: string | null;
  readonly gateway: ApiKeyGatewaySettings;
}

/**
 * A key's LLM gateway settings, the shape of the contracts' `apiKeyGatewaySettingsSchema`
 * (snake_case, as stored and sent). Absent fields mean no limit; `budget_mode` absent means
 * `hard`; `cache` absent means off; `guardrail_policy` absent means the tenant's policy.
 */
export interface ApiKeyGatewaySettings {
  /** Names, aliases or `provider/name`; empty or absent allows every model. */
  readonly allowed_models?: readonly string[];
  readonly rpm?: number;
  readonly tpm?: number;
  readonly budget_daily_usd?: number;
  readonly budget_monthly_usd?: number;
  readonly budget_mode?: "hard" | "soft";
  readonly cache?: boolean;
  readonly guardrail_policy?: "off" | "detect" | "redact" | "block";
}

/** The space a space-scoped call acts in; the tenant always comes from the server, never the client. */
export interface SpaceContext {
  readonly spaceId: string;
  readonly tenantId: string;
  readonly role: "owner" | "admin" | "member" | "viewer";
}

/** What a request presented, extracted by the HTTP edge. */
export interface Credentials {
  /** The token after `Authorization: Bearer`. */
  readonly bearer: string | null;
  /** Anthropic clients send `x-api-key`. */
  readonly apiKey: string | null;
  readonly ip: string;
}

/** The hook points identity plugs into; the foundation's defaults let nobody in. */
export interface AuthHooks {
  authenticate(credentials: Credentials): Promise<Principal | null>;
  resolveSpace(principal: Principal, spaceId: string): Promise<SpaceContext>;
  /**
   * Where identity announces changes to status, roles and memberships, for modules that cache what
   * `authenticate` and `resolveSpace` answered. Absent: such caches can only expire.
   */
  readonly accessChanges?: AccessChanges;
}
