import type { CreateGatewayModelRequest, GatewayModel } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import type { Principal } from "../../../../platform/auth/index.js";
import { builtinModelFor } from "../builtin-models.js";
import { defaultCapabilities } from "../capabilities.js";
import { defaultQualityRank, unknownModelLimits } from "../catalog-entries.js";
import { defaultPricesFor, zeroPrices } from "../prices.js";
import { type CatalogAdmin, conflictOnUnique, findModel, requirePlatformAdmin } from "./catalog-admin.js";
import { toGatewayModel } from "./catalog-views.js";
import {
  checkNamesFree,
  deploymentsToStore,
  insertAliases,
  insertDeployments,
  providerGone,
} from "./model-parts.js";
import { insertPriceVersion, pricesFromInput } from "./store-price.js";

/**
 * Stores a model with its aliases, deployments and price version 1. What is left out comes from
 * the well-known model of that name (or its first deployment's upstream name) when there is one,
 * else from the first deployment's provider type; an unknown model's prices are 0.
 */
export async function createModel(
  admin: CatalogAdmin,
  caller: Principal | null,
  request: CreateGatewayModelRequest,
): Promise<GatewayModel> {
  const principal = requirePlatformAdmin(caller);
  await admin.catalog.sync();
  const state = admin.catalog.state();
  const aliases = request.aliases ?? [];
  checkNamesFree(state, request.name, aliases, null);
  const deployments = deploymentsToStore(state, request.name, request.deployments);
  const first = deployments[0];
  const builtin = builtinModelFor(request.name, first?.upstreamModel);
  const kind = request.kind ?? builtin?.kind ?? "chat";
  const limits = unknownModelLimits[kind];
  const capabilities =
    request.capabilities ??
    builtin?.capabilities ??
    (first ? defaultCapabilities(first.provider.type, kind) : []);
  const prices = request.prices
    ? pricesFromInput(request.prices)
    : (defaultPricesFor(request.name, first?.upstreamModel) ?? zeroPrices);
  const id = uuidv7();
  await admin.sql
    .withSystem(async (tx) => {
      await tx.query(
        `INSERT INTO gateway_models
           (id, name, display_name, kind, capabilities, context_window, max_output_tokens, quality_rank, tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          request.name,
          request.display_name ?? builtin?.displayName ?? request.name,
          kind,
          [...capabilities],
          request.context_window ?? builtin?.contextWindow ?? limits.contextWindow,
          request.max_output_tokens ?? builtin?.maxOutputTokens ?? limits.maxOutputTokens,
          request.quality_rank ?? builtin?.qualityRank ?? defaultQualityRank,
          [...(request.tags ?? builtin?.tags ?? [])],
        ],
      );
      await insertAliases(tx, id, aliases);
      await insertDeployments(tx, id, deployments);
      await insertPriceVersion(tx, id, prices, null);
    })
    .catch(providerGone)
    .catch((error: unknown) =>
      conflictOnUnique(error, `The name "${request.name}" or one of its aliases is taken`),
    );
  await admin.catalog.changed();
  admin.logger.info({ model: request.name, by: principal.userId }, "gateway model created");
  return toGatewayModel(await findModel(admin, id), admin.catalog.snapshot());
}
