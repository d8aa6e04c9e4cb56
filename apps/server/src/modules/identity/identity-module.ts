import type { AuthHooks } from "../../platform/auth/index.js";
import { createSecretBox } from "../../platform/crypto/index.js";
import { apiKeyVerifier } from "./api-key-verifier.js";
import { chainVerifiers, sessionTokenVerifier, UserStatusCache } from "./authenticate.js";
import type { IdentityDeps } from "./deps.js";
import type { IdentityContext } from "./identity-context.js";
import { LoginGuard } from "./login-guard.js";
import { oidcTokenVerifier } from "./oidc-token-verifier.js";
import { resolveSpace } from "./resolve-space.js";
import { adminRoutes } from "./routes/admin-routes.js";
import { apiKeyRoutes } from "./routes/api-key-routes.js";
import { authRoutes } from "./routes/auth-routes.js";
import { accountEmailRoutes } from "./routes/email-routes.js";
import { instanceRoutes } from "./routes/instance-routes.js";
import { oidcRoutes } from "./routes/oidc-routes.js";
import { spaceRoutes } from "./routes/space-routes.js";
import { SigningKeys } from "./signing-keys.js";

export interface IdentityModuleOptions extends Omit<IdentityDeps, "secrets"> {
  readonly secretKey: string;
}

/** Identity: accounts, sessions, tenants, spaces and access control. Its routes and auth hooks. */
export function createIdentityModule(options: IdentityModuleOptions) {
  const { secretKey, ...deps } = options;
  const secrets = createSecretBox(secretKey);
  const context: IdentityContext = { ...deps, secrets, keys: new SigningKeys(deps.sql, secrets) };
  const users = new UserStatusCache(context);
  // API keys first (cheap prefix check), then our own session tokens, then SSO providers' tokens.
  const authenticate = chainVerifiers([
    apiKeyVerifier(context, users),
    sessionTokenVerifier(context, users),
    oidcTokenVerifier(context, users),
  ]);
  const auth: AuthHooks = {
    authenticate,
    resolveSpace: (principal, spaceId) => resolveSpace(context.sql, principal, spaceId),
    accessChanges: context.accessChanges,
  };
  return {
    context,
    auth,
    routes: [
      ...authRoutes(context, new LoginGuard(context)),
      ...accountEmailRoutes(context),
      ...oidcRoutes(context),
      ...spaceRoutes(context),
      ...apiKeyRoutes(context),
      ...adminRoutes(context),
      ...instanceRoutes(context),
    ],
  };
}

export type IdentityModule = ReturnType<typeof createIdentityModule>;
