import type { CredentialVerifier } from "./authenticate.js";
import type { IdentityContext } from "./identity-context.js";

/** Verifies API keys (in progress): undefined = not an API key. */
export function apiKeyVerifier(_context: IdentityContext): CredentialVerifier {
  return async () => undefined;
}
