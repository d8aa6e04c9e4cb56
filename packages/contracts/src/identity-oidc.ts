import { z } from "zod";

export const oidcProviderNameSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, "provider names are lower-case letters, digits and dashes");

export const oidcProviderParamsSchema = z.object({ provider: oidcProviderNameSchema }).strict();

export const oidcProviderSummarySchema = z
  .object({
    name: oidcProviderNameSchema,
    display_name: z.string(),
    start_url: z.string().describe("Path that starts a sign-in with this provider"),
  })
  .meta({ id: "OidcProviderSummary" });

export const oidcProvidersResponseSchema = z
  .object({ providers: z.array(oidcProviderSummarySchema) })
  .meta({ id: "OidcProvidersResponse" });

/**
 * Same-origin relative paths only ("/app/home?x=1"): a scheme, a host ("//evil.example"), a
 * backslash (browsers read "/\\evil" as "//evil") or control characters would make the
 * redirect open to other sites.
 */
export const oidcRedirectToSchema = z
  .string()
  .min(1)
  .max(2048)
  .refine(isSameOriginPath, "must be a same-origin relative path starting with a single /");

function isSameOriginPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return false;
  return [...path].every((char) => {
    const code = char.charCodeAt(0);
    return code > 0x1f && code !== 0x7f;
  });
}

export const oidcStartQuerySchema = z
  .object({
    redirect_to: oidcRedirectToSchema
      .optional()
      .describe("Where to send the browser after sign-in; the tokens travel in the URL fragment"),
  })
  .strict();

const responseParam = z.string().min(1).max(4096);

/**
 * The provider's authorization response (query schemas carry no component id: OpenAPI inlines
 * parameters). Not strict: providers add their own parameters
 * (Keycloak's `session_state`, Google's `authuser`, `hd`, `prompt`), which are ignored.
 */
export const oidcCallbackQuerySchema = z.object({
  state: responseParam,
  code: responseParam.optional(),
  iss: responseParam.optional(),
  error: responseParam.optional(),
  error_description: responseParam.optional(),
});

export type OidcProviderSummary = z.infer<typeof oidcProviderSummarySchema>;
export type OidcProvidersResponse = z.infer<typeof oidcProvidersResponseSchema>;
export type OidcStartQuery = z.infer<typeof oidcStartQuerySchema>;
export type OidcCallbackQuery = z.infer<typeof oidcCallbackQuerySchema>;
