import type { GatewayModel, UpdateGatewayModelRequest } from "@tributary/contracts";
import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import {
  type CatalogAdmin,
  conflictOnUnique,
  findModel,
  refuseDeclared,
  requirePlatformAdmin,
} from "./catalog-admin.js";
import { toGatewayModel } from "./catalog-views.js";
import {
  checkNamesFree,
  deploymentsToStore,
  insertAliases,
  insertDeployments,
  providerGone,
} from "./model-parts.js";

/**
 * Changes a stored model. Aliases, capabilities, tags and deployments are replaced as a whole when
 * sent. Prices are not changed here: a new price is a new version (POST …/prices).
 */
export async function updateModel(
  admin: CatalogAdmin,
  caller: Principal | null,
  id: string,
  change: UpdateGatewayModelRequest,
): Promise<GatewayModel> {
  const principal = requirePlatformAdmin(caller);
  const entry = await findModel(admin, id);
  refuseDeclared("Model", entry.name, entry.source);
  const state = admin.catalog.state();
  const name = change.name ?? entry.name;
  const aliases = change.aliases ?? entry.aliases;
  checkNamesFree(state, name, aliases, id);
  const deployments = change.deployments ? deploymentsToStore(state, name, change.deployments) : null;
  await admin.sql
    .withSystem(async (tx) => {
      const [updated] = await tx.query<{ id: string }>(
        `UPDATE gateway_models SET
           name = COALESCE($2, name),
           display_name = COALESCE($3, display_name),
           kind = COALESCE($4, kind),
           capabilities = COALESCE($5, capabilities),
           context_window = COALESCE($6, context_window),
           max_output_tokens = COALESCE($7, max_output_tokens),
           quality_rank = COALESCE($8, quality_rank),
           tags = COALESCE($9, tags),
           updated_at = now()
         WHERE id = $1 RETURNING id`,
        [
          id,
          change.name ?? null,
          change.display_name ?? null,
          change.kind ?? null,
          change.capabilities ?? null,
          change.context_window ?? null,
          change.max_output_tokens ?? null,
          change.quality_rank ?? null,
          change.tags ?? null,
        ],
      );
      if (!updated) throw new AppError("NOT_FOUND", `Model ${id} not found`);
      if (change.aliases) {
        await tx.query("DELETE FROM gateway_model_aliases WHERE model_id = $1", [id]);
        await insertAliases(tx, id, change.aliases);
      }
      if (deployments) {
        await tx.query("DELETE FROM gateway_deployments WHERE model_id = $1", [id]);
        await insertDeployments(tx, id, deployments);
      }
    })
    .catch(providerGone)
    .catch((error: unknown) => conflictOnUnique(error, `The name "${name}" or one of its aliases is taken`));
  await admin.catalog.changed();
  admin.logger.info({ model: name, by: principal.userId }, "gateway model updated");
  return toGatewayModel(await findModel(admin, id), admin.catalog.snapshot());
}
