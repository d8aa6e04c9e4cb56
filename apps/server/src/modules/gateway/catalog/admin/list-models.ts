import type { GatewayModel } from "@tributary/contracts";
import type { Principal } from "../../../../platform/auth/index.js";
import type { Page } from "../../../../platform/pagination/index.js";
import { type CatalogAdmin, findModel, requirePlatformAdmin } from "./catalog-admin.js";
import { toGatewayModel } from "./catalog-views.js";
import { pageByName } from "./page-by-name.js";

/** Every model, declared and stored, by name, with its current prices and deployments. */
export async function listModels(
  admin: CatalogAdmin,
  caller: Principal | null,
  query: { limit: number; cursor?: string | undefined },
): Promise<Page<GatewayModel>> {
  requirePlatformAdmin(caller);
  await admin.catalog.sync();
  const snapshot = admin.catalog.snapshot();
  return pageByName(
    admin.catalog.state().models,
    (entry) => entry.name,
    (entry) => toGatewayModel(entry, snapshot),
    query,
  );
}

export async function getModel(
  admin: CatalogAdmin,
  caller: Principal | null,
  id: string,
): Promise<GatewayModel> {
  requirePlatformAdmin(caller);
  const entry = await findModel(admin, id);
  return toGatewayModel(entry, admin.catalog.snapshot());
}
