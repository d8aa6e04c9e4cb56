import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";

/**
 * Keys are managed from a signed-in session. A key may manage keys only with the `admin` scope,
 * so a narrow key can never mint itself a wider one.
 */
export function requireKeyManager(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (principal.kind === "api_key" && !principal.scopes?.includes("admin")) {
    throw new AppError(
      "FORBIDDEN",
      "API keys are managed from a signed-in session, or with an admin-scoped key",
    );
  }
  return principal;
}
