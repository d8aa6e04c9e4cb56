import type { Credentials, Principal } from "../../platform/auth/index.js";
import { expiringLru } from "../../platform/cache/index.js";
import { verifyAccessToken } from "./access-tokens.js";
import type { IdentityContext } from "./identity-context.js";

/** Turns presented credentials into a principal, or null when they are absent, unknown or invalid. */
export type CredentialVerifier = (credentials: Credentials) => Promise<Principal | null | undefined>;

interface UserStatus {
  readonly status: string;
  readonly role: Principal["platformRole"];
}

/** A user's status and role, re-read at most once a second per node, so suspension bites fast. */
export class UserStatusCache {
  private readonly cache = expiringLru<string, UserStatus>({
    max: 50_000,
    ttl: 1_000,
  });

  /** Reads in flight: requests that miss together (the entry expired under all of them) share one. */
  private readonly loading = new Map<string, Promise<UserStatus | null>>();

  constructor(private readonly context: IdentityContext) {}

  get(userId: string): Promise<UserStatus | null> {
    const cached = this.cache.get(userId);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(userId);
    if (!pending) {
      pending = this.read(userId).finally(() => this.loading.delete(userId));
      this.loading.set(userId, pending);
    }
    return pending;
  }

  private async read(userId: string): Promise<UserStatus | null> {
    const [row] = await this.context.sql.withSystem((tx) =>
      tx.query<{ status: string; platform_role: Principal["platformRole"] }>(
        "SELECT status, platform_role FROM users WHERE id = $1",
        [userId],
      ),
    );
    if (!row) return null;
    const entry = { status: row.status, role: row.platform_role };
    this.cache.set(userId, entry);
    return entry;
  }
}

/** Verifies one of our own session access tokens; returns undefined when the token is not ours. */
export function sessionTokenVerifier(context: IdentityContext, users: UserStatusCache): CredentialVerifier {
  return async ({ bearer }) => {
    if (!bearer) return undefined;
    const verified = await verifyAccessToken(context.keys, bearer, context.issuer);
    if (verified === null) return undefined;
    if (!verified.ok) return null;
    const user = await users.get(verified.claims.sub);
    if (user?.status !== "active") return null;
    return {
      kind: "user",
      id: verified.claims.sub,
      userId: verified.claims.sub,
      scopes: null,
      platformRole: user.role,
      restrictedToSpaceId: null,
    };
  };
}

/**
 * Tries each verifier in turn: the first that recognises the credential decides (a principal, or
 * null for "recognised but refused"); undefined means "not mine", and the next one tries.
 */
export function chainVerifiers(
  verifiers: readonly CredentialVerifier[],
): (credentials: Credentials) => Promise<Principal | null> {
  return async (credentials) => {
    if (!credentials.bearer && !credentials.apiKey) return null;
    for (const verify of verifiers) {
      const result = await verify(credentials);
      if (result !== undefined) return result;
    }
    return null;
  };
}
