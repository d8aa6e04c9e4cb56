import type { Credentials, Principal } from "../../platform/auth/index.js";
import { type RefreshingLru, refreshingLru } from "../../platform/cache/index.js";
import { verifyAccessToken } from "./access-tokens.js";
import type { IdentityContext } from "./identity-context.js";

/** Turns presented credentials into a principal, or null when they are absent, unknown or invalid. */
export type CredentialVerifier = (credentials: Credentials) => Promise<Principal | null | undefined>;

interface UserStatus {
  readonly status: string;
  readonly role: Principal["platformRole"];
}

/**
 * A user's status and role. A suspension or role change drops the entry when it is announced
 * (`accessChanges`): at once when made in this process, when its broadcast arrives when made on
 * another node. Where this process hears every change (the embedded database's sole process), an
 * entry may live a minute; elsewhere a broadcast can be lost, so entries live a second. An active
 * user's entry is re-read in the background before it expires (refreshingLru), so their requests
 * do not stop for the database.
 */
export class UserStatusCache {
  private readonly cache: RefreshingLru<string, UserStatus>;

  constructor(private readonly context: IdentityContext) {
    this.cache = refreshingLru({
      max: 50_000,
      ttlMs: context.accessChanges.hearsEveryChange ? 60_000 : 1_000,
      load: (userId) => this.read(userId),
      onRefreshError: (error, userId) =>
        context.logger.warn({ err: error, user_id: userId }, "re-reading a user's status failed"),
    });
    context.accessChanges.subscribe((change) => {
      if (change.kind === "user") this.cache.delete(change.userId);
    });
  }

  get(userId: string): Promise<UserStatus | null> {
    return this.cache.get(userId);
  }

  private async read(userId: string): Promise<UserStatus | null> {
    const [row] = await this.context.sql.withSystem((tx) =>
      tx.query<{ status: string; platform_role: Principal["platformRole"] }>(
        "SELECT status, platform_role FROM users WHERE id = $1",
        [userId],
      ),
    );
    return row ? { status: row.status, role: row.platform_role } : null;
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
