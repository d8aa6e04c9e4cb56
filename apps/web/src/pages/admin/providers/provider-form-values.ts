import type {
  CreateGatewayProviderRequest,
  GatewayProvider,
  GatewayProviderType,
  UpdateGatewayProviderRequest,
} from "@tributary/contracts";
import { optionalNumber } from "../form-numbers";

export const providerTypeLabels: Record<GatewayProviderType, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  openai_compatible: "OpenAI-compatible (vLLM, Ollama, Azure, …)",
  local: "Local (GGUF)",
};

export interface ProviderFormValues {
  readonly name: string;
  readonly type: GatewayProviderType;
  readonly baseUrl: string;
  /** Write-only: empty keeps the stored key. */
  readonly apiKey: string;
  readonly removeApiKey: boolean;
  readonly timeoutMs: string;
  readonly enabled: boolean;
}

export type ProviderField = "name" | "baseUrl" | "timeoutMs";
type Errors = Partial<Record<ProviderField, string>>;

export const newProviderValues: ProviderFormValues = {
  name: "",
  type: "openai",
  baseUrl: "",
  apiKey: "",
  removeApiKey: false,
  timeoutMs: "",
  enabled: true,
};

export function providerValues(provider: GatewayProvider): ProviderFormValues {
  return {
    name: provider.name,
    type: provider.type,
    baseUrl: provider.base_url,
    apiKey: "",
    removeApiKey: false,
    timeoutMs: String(provider.timeout_ms),
    enabled: provider.enabled,
  };
}

function check(values: ProviderFormValues): { errors: Errors; timeout: number | undefined } {
  const errors: Errors = {};
  if (!/^[a-z0-9][a-z0-9._-]{0,62}$/.test(values.name)) {
    errors.name = "Lower-case letters, digits, dots and dashes; starts with a letter or digit";
  }
  const url = values.baseUrl.trim();
  if (url && !/^https?:\/\/\S+$/.test(url)) errors.baseUrl = "An http:// or https:// URL";
  if (!url && values.type === "openai_compatible")
    errors.baseUrl = "Required for an OpenAI-compatible provider";
  const timeout = optionalNumber(values.timeoutMs, { min: 100, max: 3_600_000, integer: true });
  if (timeout === "invalid") errors.timeoutMs = "Milliseconds, from 100 to 3,600,000";
  return { errors, timeout: timeout === "invalid" ? undefined : timeout };
}

export function buildCreateProvider(
  values: ProviderFormValues,
): { ok: true; body: CreateGatewayProviderRequest } | { ok: false; errors: Errors } {
  const { errors, timeout } = check(values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      name: values.name,
      type: values.type,
      enabled: values.enabled,
      ...(values.baseUrl.trim() ? { base_url: values.baseUrl.trim() } : {}),
      ...(values.apiKey ? { api_key: values.apiKey } : {}),
      ...(timeout !== undefined ? { timeout_ms: timeout } : {}),
    },
  };
}

/** Only what changed: the form shows effective values (a type's default URL), which must not be pinned by a save. */
export function buildUpdateProvider(
  values: ProviderFormValues,
  original: GatewayProvider,
): { ok: true; body: UpdateGatewayProviderRequest | null } | { ok: false; errors: Errors } {
  const { errors, timeout } = check(values);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const body: UpdateGatewayProviderRequest = {
    ...(values.name !== original.name ? { name: values.name } : {}),
    ...(values.baseUrl.trim() !== original.base_url ? { base_url: values.baseUrl.trim() || null } : {}),
    ...(values.removeApiKey ? { api_key: null } : values.apiKey ? { api_key: values.apiKey } : {}),
    ...(timeout !== original.timeout_ms ? { timeout_ms: timeout ?? null } : {}),
    ...(values.enabled !== original.enabled ? { enabled: values.enabled } : {}),
  };
  return { ok: true, body: Object.keys(body).length > 0 ? body : null };
}

/** What to say about a stored key: its last characters when the server shares them (long keys only). */
export function storedKeyText(provider: GatewayProvider): string {
  if (!provider.has_api_key) return "none";
  const hint = provider.api_key_hint;
  return hint && hint !== "…" ? `stored, ends ${hint}` : "stored";
}
