import {
  createGatewayModelRequestSchema,
  createGatewayPriceRequestSchema,
  createGatewayProviderRequestSchema,
  gatewayCatalogIdParamsSchema,
  gatewayCatalogListQuerySchema,
  gatewayModelSchema,
  gatewayPriceHistorySchema,
  gatewayPriceVersionSchema,
  gatewayProviderSchema,
  pageSchema,
  updateGatewayModelRequestSchema,
  updateGatewayProviderRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import type { CatalogAdmin } from "../catalog/admin/catalog-admin.js";
import { createModel } from "../catalog/admin/create-model.js";
import { createProvider } from "../catalog/admin/create-provider.js";
import { deleteModel } from "../catalog/admin/delete-model.js";
import { deleteProvider } from "../catalog/admin/delete-provider.js";
import { getModel, listModels } from "../catalog/admin/list-models.js";
import { getProvider, listProviders } from "../catalog/admin/list-providers.js";
import { addPriceVersion, listPriceVersions } from "../catalog/admin/prices-admin.js";
import { updateModel } from "../catalog/admin/update-model.js";
import { updateProvider } from "../catalog/admin/update-provider.js";
import type { Catalog } from "../catalog/catalog-store.js";

const tags = ["gateway-admin"];
// Sessions of platform admins pass; an API key also needs the admin scope.
const scopes = ["admin"];
const params = gatewayCatalogIdParamsSchema;

export interface CatalogRouteDeps {
  readonly sql: Sql;
  readonly logger: Logger;
}

/** The model catalog's admin API: providers, models and the price book. Platform admins only. */
export function catalogRoutes(catalog: Catalog, deps: CatalogRouteDeps): AnyRoute[] {
  const admin: CatalogAdmin = { catalog, sql: deps.sql, logger: deps.logger };
  return [
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/providers",
      summary: "List LLM providers, declared and stored (keys are never returned)",
      tags,
      auth: "required",
      scopes,
      query: gatewayCatalogListQuerySchema,
      response: pageSchema(gatewayProviderSchema),
      handler: ({ principal, query }) => listProviders(admin, principal, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/gateway/providers",
      summary: "Add an LLM provider; its API key is encrypted at rest and never returned",
      tags,
      auth: "required",
      scopes,
      status: 201,
      body: createGatewayProviderRequestSchema,
      response: gatewayProviderSchema,
      handler: ({ principal, body }) => createProvider(admin, principal, body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/providers/:id",
      summary: "One LLM provider",
      tags,
      auth: "required",
      scopes,
      params,
      response: gatewayProviderSchema,
      handler: ({ principal, params }) => getProvider(admin, principal, params.id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/gateway/providers/:id",
      summary: "Change a provider (not one declared in configuration)",
      tags,
      auth: "required",
      scopes,
      params,
      body: updateGatewayProviderRequestSchema,
      response: gatewayProviderSchema,
      handler: ({ principal, params, body }) => updateProvider(admin, principal, params.id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/gateway/providers/:id",
      summary: "Delete a provider no model is deployed on (not one declared in configuration)",
      tags,
      auth: "required",
      scopes,
      status: 204,
      params,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await deleteProvider(admin, principal, params.id);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/models",
      summary: "List models with aliases, deployments, capabilities and current prices",
      tags,
      auth: "required",
      scopes,
      query: gatewayCatalogListQuerySchema,
      response: pageSchema(gatewayModelSchema),
      handler: ({ principal, query }) => listModels(admin, principal, query),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/gateway/models",
      summary: "Add a model with its deployments, aliases, capabilities and first price version",
      tags,
      auth: "required",
      scopes,
      status: 201,
      body: createGatewayModelRequestSchema,
      response: gatewayModelSchema,
      handler: ({ principal, body }) => createModel(admin, principal, body),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/models/:id",
      summary: "One model",
      tags,
      auth: "required",
      scopes,
      params,
      response: gatewayModelSchema,
      handler: ({ principal, params }) => getModel(admin, principal, params.id),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/gateway/models/:id",
      summary: "Change a model (prices: add a version instead; not one declared in configuration)",
      tags,
      auth: "required",
      scopes,
      params,
      body: updateGatewayModelRequestSchema,
      response: gatewayModelSchema,
      handler: ({ principal, params, body }) => updateModel(admin, principal, params.id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/gateway/models/:id",
      summary: "Delete a model with its aliases, deployments and price book",
      tags,
      auth: "required",
      scopes,
      status: 204,
      params,
      response: z.undefined(),
      handler: async ({ principal, params }) => {
        await deleteModel(admin, principal, params.id);
        return undefined;
      },
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/gateway/models/:id/prices",
      summary: "A model's price history, newest version first",
      tags,
      auth: "required",
      scopes,
      params,
      response: gatewayPriceHistorySchema,
      handler: ({ principal, params }) => listPriceVersions(admin, principal, params.id),
    }),
    defineRoute({
      method: "POST",
      url: "/api/v1/gateway/models/:id/prices",
      summary: "Add a price version (from now or a later moment); earlier versions never change",
      tags,
      auth: "required",
      scopes,
      status: 201,
      params,
      body: createGatewayPriceRequestSchema,
      response: gatewayPriceVersionSchema,
      handler: ({ principal, params, body }) => addPriceVersion(admin, principal, params.id, body),
    }),
  ];
}
