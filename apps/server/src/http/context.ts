import type { FastifyRequest } from "fastify";

/** Who is calling. Filled in by the identity module through `AuthHooks`. */
export interface Principal {
  readonly kind: "user" | "api_key";
  /** The user id, or the API key id for keys. */
  readonly id: string;
  readonly userId: string;
  /** `null` means the full rights of the user (a session); a key lists what it may do. */
  readonly scopes: readonly string[] | null;
}

/** The space a space-scoped call acts in; the tenant always comes from the server, never the client. */
export interface SpaceContext {
  readonly spaceId: string;
  readonly tenantId: string;
  readonly role: string;
}

/** The hook points identity plugs into; the foundation's defaults let nobody in. */
export interface AuthHooks {
  authenticate(request: FastifyRequest): Promise<Principal | null>;
  resolveSpace(principal: Principal, spaceId: string): Promise<SpaceContext>;
}
