import { decodeJwt, type JWTPayload, jwtVerify } from "jose";
import { expiringLru } from "../../platform/cache/index.js";
import type { CredentialVerifier, UserStatusCache } from "./authenticate.js";
import type { IdentityContext } from "./identity-context.js";
import { type ExternalProfile, mappedPlatformRole, profileFromClaims } from "./oidc/external-profile.js";
import { oidcProvidersFor } from "./oidc/provider-registry.js";
import { provisionExternalUser } from "./oidc/provision-external-user.js";

/** Leeway for clocks that disagree a little between the provider and us. */
const clockToleranceSeconds = 30;

/**
 * Accepts configured providers' own access tokens (JWTs) as Bearer tokens. A token whose `iss` is
 * no configured provider is not ours (undefined, so other verifiers try); one from a provider but
 * with a bad signature, a foreign audience, or outside `nbf`..`exp` is refused (null). The first
 * accepted token of a new person provisions their account ("first API call" onboarding).
 */
export function oidcTokenVerifier(context: IdentityContext, users: UserStatusCache): CredentialVerifier {
  const providers = oidcProvidersFor(context);
  // (provider, subject) → user id; a link never changes once made, so this may live long.
  const linkedUsers = expiringLru<string, string>({ max: 50_000, ttl: 10 * 60_000 });

  return async ({ bearer, ip }) => {
    if (!bearer || context.config.oidcProviders.length === 0) return undefined;
    const provider = providers.byIssuer(unverifiedIssuer(bearer) ?? "");
    if (!provider) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(bearer, await providers.keySet(provider), {
        issuer: provider.issuer,
        audience: provider.audiences.length > 0 ? [...provider.audiences] : provider.client_id,
        requiredClaims: ["exp", "sub"],
        clockTolerance: clockToleranceSeconds,
      }));
    } catch (error) {
      context.logger.debug({ provider: provider.name, err: error }, "provider access token refused");
      return null;
    }
    const subject = payload.sub;
    if (!subject) return null;
    const profile = profileFromClaims(provider, subject, [payload]);
    const key = `${provider.name}\u0000${subject}`;
    const userId = linkedUsers.get(key) ?? (await linkOrProvision(context, profile, ip));
    linkedUsers.set(key, userId);
    const user = await users.get(userId);
    if (user?.status !== "active") return null;
    return {
      kind: "user",
      id: userId,
      userId,
      scopes: null,
      platformRole: mappedPlatformRole(provider, profile.roles) ?? user.role,
      restrictedToSpaceId: null,
    };
  };
}

function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}

/** The linked user, read first (the common case); else just-in-time provisioning. */
async function linkOrProvision(
  context: IdentityContext,
  profile: ExternalProfile,
  ip: string | null,
): Promise<string> {
  const [linked] = await context.sql.withSystem((tx) =>
    tx.query<{ user_id: string }>(
      "SELECT user_id FROM user_identities WHERE provider = $1 AND subject = $2",
      [profile.provider, profile.subject],
    ),
  );
  if (linked) return linked.user_id;
  const provider = oidcProvidersFor(context).get(profile.provider);
  const { user, created } = await context.sql.withSystem((tx) =>
    provisionExternalUser(tx, profile, mappedPlatformRole(provider, profile.roles), ip),
  );
  if (created) context.notifyEvents();
  // Linking an existing account may have changed its platform role.
  context.accessChanges.announce({ kind: "user", userId: user.id });
  return user.id;
}
