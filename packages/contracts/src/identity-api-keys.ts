import { z } from "zod";

/** The closed set of scopes a key may carry; `admin` implies every other one (platform admins only). */
export const apiKeyScopes = [
  "gateway:invoke",
  "documents:read",
  "documents:write",
  "spaces:read",
  "spaces:write",
  "admin",
] as const;
export const apiKeyScopeSchema = z.enum(apiKeyScopes);

/**
 * What the LLM gateway enforces for calls made with a key. Every field is optional: absent means
 * no limit (all models, no rate or budget of the key's own); `budget_mode` is `hard` (refuse once
 * spent) unless `soft` (alert only); the response cache is off unless `cache` is true.
 */
export const apiKeyGatewaySettingsSchema = z
  .object({
    allowed_models: z
      .array(z.string().trim().min(1).max(200))
      .max(100)
      .refine((models) => new Set(models).size === models.length, "must not repeat a model")
      .optional()
      .describe("Model names, aliases or provider/name; empty or absent allows every model"),
    rpm: z.number().int().min(1).max(10_000_000).optional().describe("Requests per minute"),
    tpm: z.number().int().min(1).max(10_000_000_000).optional().describe("Tokens per minute"),
    budget_daily_usd: z.number().positive().max(1_000_000).optional().describe("USD per UTC day"),
    budget_monthly_usd: z.number().positive().max(1_000_000).optional().describe("USD per UTC month"),
    budget_mode: z
      .enum(["hard", "soft"])
      .optional()
      .describe("hard (default): refuse calls once a budget is spent; soft: alert only"),
    cache: z.boolean().optional().describe("Opt in to the gateway's response cache"),
    guardrail_policy: z
      .enum(["off", "detect", "redact", "block"])
      .optional()
      .describe("Overrides the tenant's guardrail policy for this key"),
  })
  .strict()
  .meta({ id: "ApiKeyGatewaySettings" });

export const createApiKeyRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    space_id: z
      .string()
      .regex(/^space_[0-9]{1,40}$/, "must be a space id such as space_1700000000001")
      .optional()
      .describe("Binds the key to one space the caller is a member of; it can act nowhere else"),
    scopes: z
      .array(apiKeyScopeSchema)
      .min(1)
      .max(apiKeyScopes.length)
      .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope"),
    expires_at: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("When the key stops working (must be in the future); never, when absent"),
    gateway: apiKeyGatewaySettingsSchema.optional().describe("LLM gateway limits; none when absent"),
  })
  .strict()
  .meta({ id: "CreateApiKeyRequest" });

export const updateApiKeyRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    gateway: apiKeyGatewaySettingsSchema.optional().describe("Replaces the key's gateway settings"),
  })
  .strict()
  .refine((body) => body.name !== undefined || body.gateway !== undefined, "send name, gateway or both")
  .meta({ id: "UpdateApiKeyRequest" });

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe("The public part of the key, shown to tell keys apart"),
    space_id: z.string().nullable(),
    scopes: z.array(apiKeyScopeSchema),
    created_at: z.string(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
    last_used_at: z.string().nullable().describe("Updated at most once a minute"),
    gateway: apiKeyGatewaySettingsSchema,
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({
    secret: z
      .string()
      .describe("The whole key (`trk_<prefix>_<secret>`); shown only in this response, never again"),
  })
  .meta({ id: "CreatedApiKey" });

export const apiKeyIdParamsSchema = z.object({ id: z.uuid() }).strict();

export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;
export type ApiKey = z.infer<typeof apiKeySchema>;
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
export type CreateApiKeyRequest = z.infer<typeof createApiKeyRequestSchema>;
export type UpdateApiKeyRequest = z.infer<typeof updateApiKeyRequestSchema>;
export type ApiKeyGatewaySettingsInput = z.infer<typeof apiKeyGatewaySettingsSchema>;
