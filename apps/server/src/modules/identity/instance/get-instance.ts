import type { Instance } from "@tributary/contracts";
import type { IdentityContext } from "../identity-context.js";
import { oidcProvidersFor } from "../oidc/provider-registry.js";

/**
 * What the sign-in and setup pages need before anyone signs in: the instance's name, whether it
 * still waits for its first account, and the SSO providers. One indexed probe of `users`, so it
 * stays cheap however many accounts exist.
 */
export async function getInstance(context: IdentityContext): Promise<Instance> {
  const [row] = await context.sql.query<{ name: string; needs_setup: boolean }>(
    "SELECT name, NOT EXISTS (SELECT 1 FROM users) AS needs_setup FROM instance_settings",
  );
  if (!row) throw new Error("instance_settings has no row: the migrations did not run");
  return {
    name: row.name,
    needs_setup: row.needs_setup,
    oidc_providers: oidcProvidersFor(context)
      .list()
      .map((provider) => ({
        name: provider.name,
        display_name: provider.display_name ?? provider.name,
        start_url: `/api/v1/auth/oidc/${provider.name}/start`,
      })),
  };
}
