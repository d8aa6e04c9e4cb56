import {
  apiKeyIdParamsSchema,
  apiKeySchema,
  createApiKeyRequestSchema,
  createdApiKeySchema,
  pageQuerySchema,
  pageSchema,
  updateApiKeyRequestSchema,
} from "@tributary/contracts";
import { z } from "zod";
import { type AnyRoute, defineRoute } from "../../../http/route-builder.js";
import { createApiKey } from "../api-keys/create-api-key.js";
import { listApiKeys } from "../api-keys/list-api-keys.js";
import { revokeApiKey } from "../api-keys/revoke-api-key.js";
import { updateApiKey } from "../api-keys/update-api-key.js";
import type { IdentityContext } from "../identity-context.js";

const tags = ["api-keys"];

/** API keys: create (secret shown once), list, change name or gateway settings, revoke. */
export function apiKeyRoutes(context: IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: "POST",
      url: "/api/v1/api-keys",
      summary: "Create an API key; the response holds its secret, shown only this once",
      tags,
      auth: "required",
      status: 201,
      body: createApiKeyRequestSchema,
      response: createdApiKeySchema,
      handler: ({ principal, body, request }) => createApiKey(context, principal, body, request.ip),
    }),
    defineRoute({
      method: "GET",
      url: "/api/v1/api-keys",
      summary: "The caller's API keys (never their secrets)",
      tags,
      auth: "required",
      query: pageQuerySchema.strict(),
      response: pageSchema(apiKeySchema),
      handler: ({ principal, query }) => listApiKeys(context, principal, query),
    }),
    defineRoute({
      method: "PATCH",
      url: "/api/v1/api-keys/:id",
      summary: "Rename a key or replace its LLM gateway settings (limits, budgets, allowed models)",
      tags,
      auth: "required",
      params: apiKeyIdParamsSchema,
      body: updateApiKeyRequestSchema,
      response: apiKeySchema,
      handler: ({ principal, params, body }) => updateApiKey(context, principal, params.id, body),
    }),
    defineRoute({
      method: "DELETE",
      url: "/api/v1/api-keys/:id",
      summary: "Revoke an API key (idempotent); it stops working on every node within a second",
      tags,
      auth: "required",
      status: 204,
      params: apiKeyIdParamsSchema,
      response: z.undefined(),
      handler: async ({ principal, params, request }) => {
        await revokeApiKey(context, principal, params.id, request.ip);
        return undefined;
      },
    }),
  ];
}
