import type { Principal } from "../../../platform/auth/index.js";
import { AppError } from "../../../platform/errors/index.js";

/** Platform administration is for platform admins (a key also needs the `admin` scope; the route asks for it). */
export function requirePlatformAdmin(principal: Principal | null): Principal {
  if (!principal) throw new AppError("UNAUTHORIZED", "Authentication required");
  if (principal.platformRole !== "admin") {
    throw new AppError("FORBIDDEN", "Platform administration requires the platform admin role");
  }
  return principal;
}
