import type { OidcCallbackQuery, TokenResponse } from "@tributary/contracts";
import { decodeJwt } from "jose";
import type * as oidc from "openid-client";
import type { OidcProviderConfig } from "../../../config/index.js";
import { AppError } from "../../../platform/errors/index.js";
import { recordAudit } from "../audit.js";
import type { IdentityContext } from "../identity-context.js";
import { recordSignIn } from "../record-sign-in.js";
import { mappedPlatformRole, profileFromClaims } from "./external-profile.js";
import { openIdClient } from "./openid-client.js";
import { takePendingLogin } from "./pending-logins.js";
import { oidcProvidersFor } from "./provider-registry.js";
import { provisionExternalUser } from "./provision-external-user.js";

export interface CompletedOidcLogin {
  readonly tokens: TokenResponse;
  /** The same-origin path given to /start, if any. */
  readonly redirectTo: string | null;
}

/**
 * Finishes a login at the callback: takes the pending login its state names (once), redeems the
 * code with the PKCE verifier, has openid-client validate the ID token (signature, iss, aud, exp,
 * nonce) and the response's `iss`, provisions the user just in time and issues our own tokens.
 */
export async function completeOidcLogin(
  context: IdentityContext,
  providerName: string,
  query: OidcCallbackQuery,
  rawQuery: string,
  ip: string | null,
): Promise<CompletedOidcLogin> {
  const providers = oidcProvidersFor(context);
  const provider = providers.get(providerName);
  const pending = await takePendingLogin(context.sql, context.secrets, provider.name, query.state);
  if (!pending) {
    throw new AppError(
      "VALIDATION_ERROR",
      "This sign-in is unknown, expired or already finished; start again",
      {
        details: { field: "state" },
      },
    );
  }
  if (query.error) await refuse(context, provider, ip, `provider answered ${query.error}`);
  const configuration = await providers.configuration(provider);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await (await openIdClient()).authorizationCodeGrant(
      configuration,
      new URL(`${providers.callbackUrl(provider)}?${rawQuery}`),
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
    );
  } catch (error) {
    if (error instanceof TypeError) {
      throw new AppError(
        "SERVICE_UNAVAILABLE",
        `The identity provider "${provider.name}" cannot be reached`,
        {
          cause: error,
        },
      );
    }
    return refuse(context, provider, ip, error instanceof Error ? error.message : String(error));
  }
  const idToken = tokens.claims();
  if (!idToken) return refuse(context, provider, ip, "no ID token");
  const userInfo = await fetchUserInfo(context, configuration, tokens.access_token, idToken.sub, provider);
  const profile = profileFromClaims(provider, idToken.sub, [
    idToken,
    userInfo,
    accessTokenClaims(tokens.access_token, provider),
  ]);
  const role = mappedPlatformRole(provider, profile.roles);
  // Load the signing key before the transaction: the embedded database has one connection.
  await context.keys.current();
  const { response, userId } = await context.sql.withSystem(async (tx) => {
    const { user } = await provisionExternalUser(tx, profile, role, ip);
    if (user.status !== "active") {
      throw new AppError("FORBIDDEN", `This account is ${user.status}; contact an administrator`);
    }
    const signedIn = await recordSignIn(context, tx, user, { method: "sso", provider: provider.name, ip });
    return { response: signedIn, userId: user.id };
  });
  context.notifyEvents();
  // The provider's roles may have changed the user's platform role.
  context.accessChanges.announce({ kind: "user", userId });
  return { tokens: response, redirectTo: pending.redirectTo };
}

/** Audits a refused SSO login and answers 401; the reason goes to the log, not the client. */
async function refuse(
  context: IdentityContext,
  provider: OidcProviderConfig,
  ip: string | null,
  reason: string,
): Promise<never> {
  context.logger.warn({ provider: provider.name, reason }, "OIDC sign-in refused");
  await context.sql.withSystem((tx) =>
    recordAudit(tx, {
      action: "user.login_failed",
      ip,
      details: { method: "sso", provider: provider.name, reason },
    }),
  );
  throw new AppError("UNAUTHORIZED", `Sign-in with "${provider.name}" could not be verified; start again`);
}

/** Profile claims (email, names, roles) that many providers put only in userinfo. */
async function fetchUserInfo(
  context: IdentityContext,
  configuration: oidc.Configuration,
  accessToken: string,
  subject: string,
  provider: OidcProviderConfig,
): Promise<Record<string, unknown>> {
  if (!configuration.serverMetadata().userinfo_endpoint) return {};
  try {
    return await (await openIdClient()).fetchUserInfo(configuration, accessToken, subject);
  } catch (error) {
    // The ID token alone is enough to sign in; userinfo only adds profile details.
    context.logger.warn({ provider: provider.name, err: error }, "OIDC userinfo request failed");
    return {};
  }
}

/**
 * Keycloak puts `realm_access.roles` in its access token. The token came straight from the
 * provider's token endpoint in this exchange, so reading its claims (for roles only) is safe;
 * an opaque token or one from another issuer contributes nothing.
 */
function accessTokenClaims(accessToken: string, provider: OidcProviderConfig): Record<string, unknown> {
  try {
    const claims = decodeJwt(accessToken);
    return claims.iss === provider.issuer
      ? {
          roles: claims.roles,
          groups: claims.groups,
          realm_access: claims.realm_access,
          resource_access: claims.resource_access,
        }
      : {};
  } catch {
    return {};
  }
}
