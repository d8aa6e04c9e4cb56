import type { CredentialVerifier } from "./authenticate.js";
import type { IdentityContext } from "./identity-context.js";

/** Verifies configured OIDC providers' own access tokens (in progress): undefined = not theirs. */
export function oidcTokenVerifier(_context: IdentityContext): CredentialVerifier {
  return async () => undefined;
}
