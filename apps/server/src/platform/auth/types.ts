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
}
