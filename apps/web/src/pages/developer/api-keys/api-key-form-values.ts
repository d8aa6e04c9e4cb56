import type { ApiKeyGatewaySettingsInput, ApiKeyScope, CreateApiKeyRequest } from "@tributary/contracts";

/** What each scope lets a key do; a Record, so a scope added to the contract fails to compile here. */
export const scopeDescriptions: Record<ApiKeyScope, string> = {
  "gateway:invoke": "Call the LLM gateway: chat completions, embeddings, the model list",
  "documents:read": "Read documents and search them",
  "documents:write": "Upload, change and delete documents",
  "spaces:read": "Read spaces and their members",
  "spaces:write": "Change spaces and their members",
  admin: "Everything, platform administration included (platform admins only)",
};

export const allScopes = Object.keys(scopeDescriptions) as ApiKeyScope[];

export type GuardrailChoice = "" | NonNullable<ApiKeyGatewaySettingsInput["guardrail_policy"]>;

/** The create form as typed: text, so a half-typed number is kept until submit says what is wrong. */
export interface ApiKeyFormValues {
  readonly name: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly onlyThisSpace: boolean;
  /** `YYYY-MM-DD`; empty: the key never expires. */
  readonly expiresOn: string;
  readonly rpm: string;
  readonly tpm: string;
  readonly budgetDailyUsd: string;
  readonly budgetMonthlyUsd: string;
  readonly budgetMode: "hard" | "soft";
  /** Comma- or line-separated model names; empty allows every model. */
  readonly allowedModels: string;
  readonly cache: boolean;
  readonly guardrailPolicy: GuardrailChoice;
}

export type ApiKeyFormField = keyof ApiKeyFormValues;

export const emptyApiKeyForm: ApiKeyFormValues = {
  name: "",
  scopes: ["gateway:invoke"],
  onlyThisSpace: true,
  expiresOn: "",
  rpm: "",
  tpm: "",
  budgetDailyUsd: "",
  budgetMonthlyUsd: "",
  budgetMode: "hard",
  allowedModels: "",
  cache: false,
  guardrailPolicy: "",
};

export type BuildResult =
  | { readonly ok: true; readonly request: CreateApiKeyRequest }
  | { readonly ok: false; readonly errors: Partial<Record<ApiKeyFormField, string>> };

/** Checks the form the way the API will, so most mistakes are shown beside their field before a round trip. */
export function buildCreateApiKeyRequest(
  values: ApiKeyFormValues,
  spaceId: string,
  now: Date = new Date(),
): BuildResult {
  const errors: Partial<Record<ApiKeyFormField, string>> = {};
  const name = values.name.trim();
  if (!name) errors.name = "Give the key a name, e.g. the app that will use it";
  else if (name.length > 100) errors.name = "At most 100 characters";
  if (values.scopes.length === 0) errors.scopes = "Choose at least one scope";

  let expiresAt: string | undefined;
  if (values.expiresOn) {
    // The end of the chosen day in the user's time zone: "expires on the 5th" includes the 5th.
    const end = new Date(`${values.expiresOn}T23:59:59`);
    if (Number.isNaN(end.getTime())) errors.expiresOn = "Enter a date";
    else if (end.getTime() <= now.getTime()) errors.expiresOn = "Choose a date in the future";
    else expiresAt = end.toISOString();
  }

  const gateway: ApiKeyGatewaySettingsInput = {};
  const rpm = wholeNumber(values.rpm, 10_000_000);
  if (rpm === "invalid") errors.rpm = "A whole number from 1 to 10,000,000";
  else if (rpm !== undefined) gateway.rpm = rpm;
  const tpm = wholeNumber(values.tpm, 10_000_000_000);
  if (tpm === "invalid") errors.tpm = "A whole number from 1 to 10,000,000,000";
  else if (tpm !== undefined) gateway.tpm = tpm;
  const daily = dollars(values.budgetDailyUsd);
  if (daily === "invalid") errors.budgetDailyUsd = "An amount above 0 and at most 1,000,000";
  else if (daily !== undefined) gateway.budget_daily_usd = daily;
  const monthly = dollars(values.budgetMonthlyUsd);
  if (monthly === "invalid") errors.budgetMonthlyUsd = "An amount above 0 and at most 1,000,000";
  else if (monthly !== undefined) gateway.budget_monthly_usd = monthly;
  if (gateway.budget_daily_usd !== undefined || gateway.budget_monthly_usd !== undefined) {
    gateway.budget_mode = values.budgetMode;
  }
  const models = splitList(values.allowedModels);
  if (new Set(models).size !== models.length) errors.allowedModels = "Name each model once";
  else if (models.length > 100) errors.allowedModels = "At most 100 models";
  else if (models.length > 0) gateway.allowed_models = models;
  if (values.cache) gateway.cache = true;
  if (values.guardrailPolicy) gateway.guardrail_policy = values.guardrailPolicy;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const request: CreateApiKeyRequest = {
    name,
    scopes: [...values.scopes],
    ...(values.onlyThisSpace ? { space_id: spaceId } : {}),
    ...(expiresAt ? { expires_at: expiresAt } : {}),
    ...(Object.keys(gateway).length > 0 ? { gateway } : {}),
  };
  return { ok: true, request };
}

export function splitList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function wholeNumber(text: string, max: number): number | "invalid" | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : "invalid";
}

function dollars(text: string): number | "invalid" | undefined {
  const trimmed = text.trim().replace(/^\$/, "");
  if (!trimmed) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value > 0 && value <= 1_000_000 ? value : "invalid";
}
