import type { GatewayProvider, UpdateGatewayProviderRequest } from "@tributary/contracts";
import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import { providerProblem } from "../provider-defaults.js";
import type { ProviderRow } from "../stored-catalog.js";
import {
  type CatalogAdmin,
  conflictOnUnique,
  findProvider,
  refuseDeclared,
  requirePlatformAdmin,
} from "./catalog-admin.js";
import { toGatewayProvider } from "./catalog-views.js";

/** Changes a stored provider; `api_key: null` removes its key, `base_url: null` restores the default. */
export async function updateProvider(
  admin: CatalogAdmin,
  caller: Principal | null,
  id: string,
  change: UpdateGatewayProviderRequest,
): Promise<GatewayProvider> {
  const principal = requirePlatformAdmin(caller);
  const entry = await findProvider(admin, id);
  refuseDeclared("Provider", entry.provider.name, entry.provider.source);
  if (change.name !== undefined && change.name !== entry.provider.name) {
    const clash = admin.catalog.state().providers.some((other) => other.provider.name === change.name);
    if (clash) throw new AppError("CONFLICT", `A provider named "${change.name}" already exists`);
  }
  await admin.sql
    .withSystem(async (tx) => {
      const [row] = await tx.query<Pick<ProviderRow, "type" | "base_url">>(
        "SELECT type, base_url FROM gateway_providers WHERE id = $1 FOR UPDATE",
        [id],
      );
      if (!row) throw new AppError("NOT_FOUND", `Provider ${id} not found`);
      const baseUrl = change.base_url === undefined ? row.base_url : change.base_url;
      const problem = providerProblem(row.type, baseUrl);
      if (problem) throw new AppError("VALIDATION_ERROR", problem, { details: { field: "base_url" } });
      const apiKey =
        change.api_key === undefined
          ? undefined
          : change.api_key === null
            ? null
            : admin.catalog.secrets.seal(change.api_key);
      await tx.query(
        `UPDATE gateway_providers SET
           name = COALESCE($2, name),
           base_url = $3,
           api_key_encrypted = CASE WHEN $4::boolean THEN $5 ELSE api_key_encrypted END,
           headers = COALESCE($6::jsonb, headers),
           timeout_ms = CASE WHEN $7::boolean THEN $8::integer ELSE timeout_ms END,
           enabled = COALESCE($9, enabled),
           updated_at = now()
         WHERE id = $1`,
        [
          id,
          change.name ?? null,
          baseUrl,
          apiKey !== undefined,
          apiKey ?? null,
          change.headers === undefined ? null : JSON.stringify(change.headers),
          change.timeout_ms !== undefined,
          change.timeout_ms ?? null,
          change.enabled ?? null,
        ],
      );
    })
    .catch((error: unknown) => conflictOnUnique(error, `A provider named "${change.name}" already exists`));
  await admin.catalog.changed();
  admin.logger.info(
    { provider: change.name ?? entry.provider.name, by: principal.userId },
    "gateway provider updated",
  );
  return toGatewayProvider(await findProvider(admin, id));
}
