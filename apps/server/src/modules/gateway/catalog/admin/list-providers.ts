import type { GatewayProvider } from "@tributary/contracts";
import type { Principal } from "../../../../platform/auth/index.js";
import type { Page } from "../../../../platform/pagination/index.js";
import { type CatalogAdmin, findProvider, requirePlatformAdmin } from "./catalog-admin.js";
import { toGatewayProvider } from "./catalog-views.js";
import { pageByName } from "./page-by-name.js";

/** Every provider, declared and stored, by name; keys never included. */
export async function listProviders(
  admin: CatalogAdmin,
  caller: Principal | null,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<GatewayProvider>> {
  requirePlatformAdmin(caller);
  await admin.catalog.sync();
  return pageByName(
    admin.catalog.state().providers,
    (entry) => entry.provider.name,
    toGatewayProvider,
    query,
  );
}

export async function getProvider(
  admin: CatalogAdmin,
  caller: Principal | null,
  id: string,
): Promise<GatewayProvider> {
  requirePlatformAdmin(caller);
  return toGatewayProvider(await findProvider(admin, id));
}
