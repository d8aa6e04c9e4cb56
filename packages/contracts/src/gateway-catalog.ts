import { z } from "zod";
import { pageQuerySchema } from "./pagination.js";

// The gateway's model catalog: providers, models (with aliases and deployments), the versioned
// price book and capability flags. Managed by platform admins; config-declared entries are read-only.

export const gatewayProviderTypes = ["openai", "anthropic", "openai_compatible", "local"] as const;
export const gatewayProviderTypeSchema = z.enum(gatewayProviderTypes);

export const gatewayCapabilities = [
  "functions",
  "parallel_functions",
  "vision",
  "structured_output",
  "json_schema",
  "strict",
  "streaming",
  "logprobs",
  "seed",
  "assistants",
  "batch",
  "prompt_caching",
] as const;
export const gatewayCapabilitySchema = z.enum(gatewayCapabilities);

export const gatewayProviderNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "provider names are lower-case letters, digits, dots, dashes");

/** What clients send as `model`; no whitespace (`provider/name` also addresses a model). */
export const gatewayModelNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][^\s]*$/, "model names start with a letter or digit and contain no whitespace");

const usdPerMillion = z.number().min(0).max(1_000_000);
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "must be an HTTP header name");
const headersSchema = z
  .record(headerName, z.string().max(4096))
  .refine((headers) => Object.keys(headers).length <= 50, "at most 50 headers")
  .describe("Extra headers sent upstream with every call");
const timeoutMs = z.number().int().min(100).max(3_600_000);
const source = z.enum(["config", "api"]).describe("`config`: declared at start-up, read-only here");

// --- Providers ----------------------------------------------------------------------------------

export const gatewayProviderSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: gatewayProviderTypeSchema,
    base_url: z.string().describe("The effective base URL (the type's default when none was set)"),
    has_api_key: z.boolean(),
    api_key_hint: z
      .string()
      .nullable()
      .describe("The key's last characters (`…abcd`); the key itself is never returned"),
    headers: z.record(z.string(), z.string()).describe("Values of secret-looking headers are masked"),
    timeout_ms: z.number().int(),
    enabled: z.boolean(),
    source,
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: "GatewayProvider" });

export const createGatewayProviderRequestSchema = z
  .object({
    name: gatewayProviderNameSchema,
    type: gatewayProviderTypeSchema,
    base_url: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe("Required for openai_compatible; defaults for openai and anthropic"),
    api_key: z.string().min(1).max(4096).optional().describe("Encrypted at rest, never returned"),
    headers: headersSchema.optional(),
    timeout_ms: timeoutMs.optional().describe("Upstream timeout; the gateway default when absent"),
    enabled: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "CreateGatewayProviderRequest" });

export const updateGatewayProviderRequestSchema = z
  .object({
    name: gatewayProviderNameSchema.optional(),
    base_url: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    api_key: z.string().min(1).max(4096).nullable().optional().describe("null removes the key"),
    headers: headersSchema.optional().describe("Replaces every header"),
    timeout_ms: timeoutMs.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one field")
  .meta({ id: "UpdateGatewayProviderRequest" });

// --- Prices -------------------------------------------------------------------------------------

export const gatewayPricesSchema = z
  .object({
    input: usdPerMillion,
    cached_input: usdPerMillion,
    cache_write: usdPerMillion,
    output: usdPerMillion,
    reasoning: usdPerMillion,
  })
  .describe("USD per one million tokens, per token class")
  .meta({ id: "GatewayPrices" });

/** Cached input and cache writes default to the input price, reasoning to the output price. */
export const gatewayPricesInputSchema = z
  .object({
    input: usdPerMillion,
    cached_input: usdPerMillion.optional(),
    cache_write: usdPerMillion.optional(),
    output: usdPerMillion,
    reasoning: usdPerMillion.optional(),
  })
  .strict()
  .describe("USD per one million tokens; cached_input and cache_write default to input, reasoning to output")
  .meta({ id: "NewGatewayPrices" });

export const createGatewayPriceRequestSchema = gatewayPricesInputSchema
  .extend({
    effective_from: z.iso
      .datetime({ offset: true })
      .optional()
      .describe("When this version takes effect (now, or later); now when absent"),
  })
  .strict()
  .meta({ id: "CreateGatewayPriceRequest" });

export const gatewayPriceVersionSchema = gatewayPricesSchema
  .extend({
    version: z.number().int(),
    effective_from: z.string(),
    created_at: z.string().nullable(),
  })
  .meta({ id: "GatewayPriceVersion" });

export const gatewayPriceHistorySchema = z
  .object({ data: z.array(gatewayPriceVersionSchema).describe("Newest version first") })
  .meta({ id: "GatewayPriceHistory" });

// --- Models -------------------------------------------------------------------------------------

export const gatewayDeploymentSchema = z
  .object({
    id: z.uuid(),
    provider: z.string(),
    upstream_model: z.string(),
    weight: z.number().int(),
    enabled: z.boolean(),
    model_path: z.string().nullable(),
  })
  .meta({ id: "GatewayDeployment" });

export const gatewayDeploymentInputSchema = z
  .object({
    provider: gatewayProviderNameSchema.describe("A provider's name (declared or created here)"),
    upstream_model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Sent upstream; the model name when absent"),
    weight: z
      .number()
      .int()
      .min(0)
      .max(1000)
      .optional()
      .describe("Traffic share among deployments; 1 by default"),
    enabled: z.boolean().optional(),
    model_path: z.string().min(1).max(1000).optional().describe("For local providers: the GGUF file"),
  })
  .strict()
  .meta({ id: "NewGatewayDeployment" });

const aliasesSchema = z
  .array(gatewayModelNameSchema)
  .max(20)
  .refine((aliases) => new Set(aliases).size === aliases.length, "must not repeat an alias");
const capabilitiesSchema = z
  .array(gatewayCapabilitySchema)
  .refine((caps) => new Set(caps).size === caps.length, "must not repeat a capability");
const tagsSchema = z.array(z.string().min(1).max(50)).max(20);
const deploymentsSchema = z.array(gatewayDeploymentInputSchema).min(1).max(50);

export const gatewayModelSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    display_name: z.string(),
    kind: z.enum(["chat", "embedding"]),
    aliases: z.array(z.string()),
    capabilities: z.array(gatewayCapabilitySchema),
    context_window: z.number().int(),
    max_output_tokens: z.number().int(),
    quality_rank: z.number().int().describe("0–100, higher is better"),
    tags: z.array(z.string()),
    prices: gatewayPricesSchema.describe("The price book's version in effect now"),
    price_version: z.number().int(),
    deployments: z.array(gatewayDeploymentSchema),
    source,
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: "GatewayModel" });

export const createGatewayModelRequestSchema = z
  .object({
    name: gatewayModelNameSchema,
    display_name: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(["chat", "embedding"]).optional(),
    aliases: aliasesSchema.optional(),
    capabilities: capabilitiesSchema
      .optional()
      .describe("Defaults: the well-known model's, else by the first deployment's provider type"),
    context_window: z.number().int().min(1).max(100_000_000).optional(),
    max_output_tokens: z.number().int().min(0).max(100_000_000).optional(),
    quality_rank: z.number().int().min(0).max(100).optional(),
    tags: tagsSchema.optional(),
    prices: gatewayPricesInputSchema
      .optional()
      .describe("Price version 1; the well-known model's price (else 0) when absent"),
    deployments: deploymentsSchema,
  })
  .strict()
  .meta({ id: "CreateGatewayModelRequest" });

/** Prices are not changed here: POST a new version to /models/{id}/prices instead. */
export const updateGatewayModelRequestSchema = z
  .object({
    name: gatewayModelNameSchema.optional(),
    display_name: z.string().trim().min(1).max(200).optional(),
    kind: z.enum(["chat", "embedding"]).optional(),
    aliases: aliasesSchema.optional().describe("Replaces every alias"),
    capabilities: capabilitiesSchema.optional().describe("Replaces every capability"),
    context_window: z.number().int().min(1).max(100_000_000).optional(),
    max_output_tokens: z.number().int().min(0).max(100_000_000).optional(),
    quality_rank: z.number().int().min(0).max(100).optional(),
    tags: tagsSchema.optional(),
    deployments: deploymentsSchema.optional().describe("Replaces every deployment"),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "send at least one field")
  .meta({ id: "UpdateGatewayModelRequest" });

export const gatewayCatalogIdParamsSchema = z.object({ id: z.uuid() }).strict();
export const gatewayCatalogListQuerySchema = pageQuerySchema.strict();

export type GatewayProviderType = z.infer<typeof gatewayProviderTypeSchema>;
export type GatewayCapability = z.infer<typeof gatewayCapabilitySchema>;
export type GatewayProvider = z.infer<typeof gatewayProviderSchema>;
export type CreateGatewayProviderRequest = z.infer<typeof createGatewayProviderRequestSchema>;
export type UpdateGatewayProviderRequest = z.infer<typeof updateGatewayProviderRequestSchema>;
export type GatewayPrices = z.infer<typeof gatewayPricesSchema>;
export type GatewayPricesInput = z.infer<typeof gatewayPricesInputSchema>;
export type CreateGatewayPriceRequest = z.infer<typeof createGatewayPriceRequestSchema>;
export type GatewayPriceVersion = z.infer<typeof gatewayPriceVersionSchema>;
export type GatewayDeployment = z.infer<typeof gatewayDeploymentSchema>;
export type GatewayDeploymentInput = z.infer<typeof gatewayDeploymentInputSchema>;
export type GatewayModel = z.infer<typeof gatewayModelSchema>;
export type CreateGatewayModelRequest = z.infer<typeof createGatewayModelRequestSchema>;
export type UpdateGatewayModelRequest = z.infer<typeof updateGatewayModelRequestSchema>;
