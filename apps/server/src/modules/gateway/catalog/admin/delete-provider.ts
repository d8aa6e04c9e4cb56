import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import { type CatalogAdmin, findProvider, refuseDeclared, requirePlatformAdmin } from "./catalog-admin.js";

/** Deletes a stored provider that no model is deployed on any more (never strands a model silently). */
export async function deleteProvider(
  admin: CatalogAdmin,
  caller: Principal | null,
  id: string,
): Promise<void> {
  const principal = requirePlatformAdmin(caller);
  const entry = await findProvider(admin, id);
  refuseDeclared("Provider", entry.provider.name, entry.provider.source);
  await admin.sql.withSystem(async (tx) => {
    const users = await tx.query<{ name: string }>(
      `SELECT DISTINCT m.name FROM gateway_deployments d JOIN gateway_models m ON m.id = d.model_id
       WHERE d.provider_id = $1 ORDER BY m.name`,
      [id],
    );
    if (users.length > 0) {
      const models = users.map((row) => row.name);
      throw new AppError(
        "CONFLICT",
        `Provider "${entry.provider.name}" still serves ${models.join(", ")}; remove those deployments first`,
        { details: { models } },
      );
    }
    await tx.query("DELETE FROM gateway_providers WHERE id = $1", [id]);
  });
  await admin.catalog.changed();
  admin.logger.info({ provider: entry.provider.name, by: principal.userId }, "gateway provider deleted");
}
