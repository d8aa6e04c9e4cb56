import type { IdentityDeps } from "./deps.js";
import type { SigningKeys } from "./signing-keys.js";

/** Shared by the identity module's use cases and routes: dependencies plus long-lived helpers. */
export interface IdentityContext extends IdentityDeps {
  readonly keys: SigningKeys;
}
