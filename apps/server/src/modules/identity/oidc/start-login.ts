import type { IdentityContext } from "../identity-context.js";
import { openIdClient } from "./openid-client.js";
import { savePendingLogin } from "./pending-logins.js";
import { oidcProvidersFor } from "./provider-registry.js";

/**
 * Begins an Authorization Code + PKCE (S256) login with a configured provider: returns the
 * provider's authorization URL to send the browser to, with a fresh state and nonce remembered
 * server-side until the callback.
 */
export async function startOidcLogin(
  context: IdentityContext,
  providerName: string,
  redirectTo: string | null,
): Promise<URL> {
  const providers = oidcProvidersFor(context);
  const provider = providers.get(providerName);
  const configuration = await providers.configuration(provider);
  const state = (await openIdClient()).randomState();
  const nonce = (await openIdClient()).randomNonce();
  const codeVerifier = (await openIdClient()).randomPKCECodeVerifier();
  await savePendingLogin(context.sql, context.secrets, {
    provider: provider.name,
    state,
    nonce,
    codeVerifier,
    redirectTo,
  });
  return (await openIdClient()).buildAuthorizationUrl(configuration, {
    redirect_uri: providers.callbackUrl(provider),
    response_type: "code",
    scope: provider.scopes.includes("openid")
      ? provider.scopes.join(" ")
      : ["openid", ...provider.scopes].join(" "),
    state,
    nonce,
    code_challenge: await (await openIdClient()).calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
}
