import type { Principal } from "../../../../platform/auth/index.js";
import { type CatalogAdmin, findModel, refuseDeclared, requirePlatformAdmin } from "./catalog-admin.js";

/**
 * Deletes a stored model with its aliases, deployments and price book. Usage already recorded
 * keeps the cost computed when it was recorded.
 */
export async function deleteModel(admin: CatalogAdmin, caller: Principal | null, id: string): Promise<void> {
  const principal = requirePlatformAdmin(caller);
  const entry = await findModel(admin, id);
  refuseDeclared("Model", entry.name, entry.source);
  // The price book's rows are immutable to UPDATE only; the cascade removes them with the model.
  await admin.sql.withSystem((tx) => tx.query("DELETE FROM gateway_models WHERE id = $1", [id]));
  await admin.catalog.changed();
  admin.logger.info({ model: entry.name, by: principal.userId }, "gateway model deleted");
}
