import type { IdentityContext } from "../identity-context.js";
import { OidcProviders } from "./oidc-providers.js";

const registries = new WeakMap<IdentityContext, OidcProviders>();

/**
 * One provider registry per identity module, shared by the SSO routes and the Bearer verifier so
 * discovery and key sets are fetched once.
 */
export function oidcProvidersFor(context: IdentityContext): OidcProviders {
  let registry = registries.get(context);
  if (!registry) {
    registry = new OidcProviders(context.config.oidcProviders, context.issuer, context.logger);
    registries.set(context, registry);
  }
  return registry;
}
