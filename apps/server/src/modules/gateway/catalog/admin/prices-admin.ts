import type { CreateGatewayPriceRequest, GatewayPriceVersion } from "@tributary/contracts";
import type { Principal } from "../../../../platform/auth/index.js";
import { AppError } from "../../../../platform/errors/index.js";
import { type PriceRow, priceColumns, toPricePoint } from "../stored-catalog.js";
import { type CatalogAdmin, findModel, refuseDeclared, requirePlatformAdmin } from "./catalog-admin.js";
import { toPriceVersion } from "./catalog-views.js";
import { insertPriceVersion, pricesFromInput } from "./store-price.js";

/** Clocks differ a little between an admin's machine and the server. */
const clockSkewMs = 60_000;

/**
 * Adds the next price version of a stored model, in effect from now or a later moment. Earlier
 * versions are never changed, so the price of any past call can always be read back.
 */
export async function addPriceVersion(
  admin: CatalogAdmin,
  caller: Principal | null,
  modelId: string,
  request: CreateGatewayPriceRequest,
): Promise<GatewayPriceVersion> {
  const principal = requirePlatformAdmin(caller);
  const entry = await findModel(admin, modelId);
  refuseDeclared("Model", entry.name, entry.source);
  const effectiveFrom = request.effective_from ? new Date(request.effective_from) : null;
  if (effectiveFrom && effectiveFrom.getTime() < Date.now() - clockSkewMs) {
    throw new AppError(
      "VALIDATION_ERROR",
      "effective_from cannot be in the past: past calls keep their price",
      {
        details: { field: "effective_from" },
      },
    );
  }
  const row = await admin.sql.withSystem(async (tx) => {
    // Serializes versions of one model: two admins adding prices get consecutive numbers.
    const [model] = await tx.query("SELECT id FROM gateway_models WHERE id = $1 FOR UPDATE", [modelId]);
    if (!model) throw new AppError("NOT_FOUND", `Model ${modelId} not found`);
    return insertPriceVersion(tx, modelId, pricesFromInput(request), effectiveFrom);
  });
  await admin.catalog.changed();
  admin.logger.info({ model: entry.name, version: row.version, by: principal.userId }, "gateway price added");
  return toPriceVersion(toPricePoint(row), row.created_at);
}

/** Every price version of a model, newest first (a declared model has the one from configuration). */
export async function listPriceVersions(
  admin: CatalogAdmin,
  caller: Principal | null,
  modelId: string,
): Promise<{ data: GatewayPriceVersion[] }> {
  requirePlatformAdmin(caller);
  const entry = await findModel(admin, modelId);
  if (entry.source === "config") {
    return { data: [...entry.priceHistory].reverse().map((point) => toPriceVersion(point, null)) };
  }
  const rows = await admin.sql.withSystem((tx) =>
    tx.query<PriceRow>(
      `SELECT ${priceColumns} FROM gateway_prices WHERE model_id = $1 ORDER BY version DESC`,
      [modelId],
    ),
  );
  return { data: rows.map((row) => toPriceVersion(toPricePoint(row), row.created_at)) };
}
