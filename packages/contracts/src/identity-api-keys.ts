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
  })
  .strict()
  .meta({ id: "CreateApiKeyRequest" });

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
