import type { CreateGatewayProviderRequest, GatewayProvider } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import { providerProblem } from "../provider-defaults.js";
import { type CatalogAdmin, conflictOnUnique, findProvider, requirePlatformAdmin } from "./catalog-admin.js";
import { toGatewayProvider } from "./catalog-views.js";

/** Stores a provider, its key sealed with TRIBUTARY_SECRET_KEY; every node picks it up within a second. */
export async function createProvider(
  admin: CatalogAdmin,
  caller: Principal | null,
  request: CreateGatewayProviderRequest,
): Promise<GatewayProvider> {
  const principal = requirePlatformAdmin(caller);
  const problem = providerProblem(request.type, request.base_url);
  if (problem) throw new AppError("VALIDATION_ERROR", problem, { details: { field: "base_url" } });
  await admin.catalog.sync();
  if (admin.catalog.state().providers.some((entry) => entry.provider.name === request.name)) {
    throw new AppError("CONFLICT", `A provider named "${request.name}" already exists`);
  }
  const id = uuidv7();
  await admin.sql
    .withSystem((tx) =>
      tx.query(
        `INSERT INTO gateway_providers (id, name, type, base_url, api_key_encrypted, headers, timeout_ms, enabled)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
        [
          id,
          request.name,
          request.type,
          request.base_url ?? null,
          request.api_key ? admin.catalog.secrets.seal(request.api_key) : null,
          JSON.stringify(request.headers ?? {}),
          request.timeout_ms ?? null,
          request.enabled ?? true,
        ],
      ),
    )
    .catch((error: unknown) => conflictOnUnique(error, `A provider named "${request.name}" already exists`));
  await admin.catalog.changed();
  admin.logger.info({ provider: request.name, by: principal.userId }, "gateway provider created");
  return toGatewayProvider(await findProvider(admin, id));
}
