import type { ProviderType } from "./types.js";

/** The public API's base URL per type; the others have none and must be given one. */
export function defaultBaseUrl(type: ProviderType): string | null {
  switch (type) {
    case "openai":
      return "https://api.openai.com/v1";
    case "anthropic":
      return "https://api.anthropic.com";
    case "openai_compatible":
    case "local":
      return null;
  }
}

/**
 * The base URL calls go to, without a trailing slash. A `local` provider runs models in-process
 * from their `model_path`, so it needs no URL (its base URL is empty unless one is given).
 */
export function effectiveBaseUrl(type: ProviderType, configured: string | null | undefined): string | null {
  const url = configured ?? defaultBaseUrl(type) ?? (type === "local" ? "" : null);
  return url === null ? null : url.replace(/\/+$/, "");
}

/** Why a provider's settings cannot work, or null when they can. */
export function providerProblem(type: ProviderType, baseUrl: string | null | undefined): string | null {
  if (type === "openai_compatible" && !baseUrl) return "an openai_compatible provider needs base_url";
  return null;
}
