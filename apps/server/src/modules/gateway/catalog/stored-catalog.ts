import type { SecretBox } from "../../../platform/crypto/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import { isCapability } from "./capabilities.js";
import type { ModelEntry, ProviderEntry } from "./catalog-entries.js";
import { effectiveBaseUrl } from "./provider-defaults.js";
import type { Deployment, PricePoint, Provider, ProviderType } from "./types.js";

export interface ProviderRow {
  id: string;
  name: string;
  type: ProviderType;
  base_url: string | null;
  api_key_encrypted: string | null;
  headers: Record<string, string>;
  timeout_ms: number | null;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface ModelRow {
  id: string;
  name: string;
  display_name: string;
  kind: "chat" | "embedding";
  capabilities: string[];
  context_window: number;
  max_output_tokens: number;
  quality_rank: number;
  tags: string[];
  created_at: Date;
  updated_at: Date;
}

interface DeploymentRow {
  id: string;
  model_id: string;
  provider_id: string | null;
  declared_provider: string | null;
  upstream_model: string;
  model_path: string | null;
  weight: number;
  enabled: boolean;
}

export interface PriceRow {
  model_id: string;
  version: number;
  effective_from: Date;
  input: string;
  cached_input: string;
  cache_write: string;
  output: string;
  reasoning: string;
  created_at: Date;
}

export const providerColumns =
  "id, name, type, base_url, api_key_encrypted, headers, timeout_ms, enabled, created_at, updated_at";
export const modelColumns =
  "id, name, display_name, kind, capabilities, context_window, max_output_tokens, quality_rank, tags, created_at, updated_at";
export const priceColumns =
  "model_id, version, effective_from, input, cached_input, cache_write, output, reasoning, created_at";

/** What the admin API stored: every row of the catalog tables, as entries. */
export interface StoredCatalog {
  readonly providers: readonly ProviderEntry[];
  readonly models: readonly ModelEntry[];
}

/**
 * Reads the whole catalog in one transaction (a consistent view; the catalog is small). Provider
 * keys are decrypted here, in memory only. Deployments name their provider as stored: a
 * provider's name, or a declared provider's name (checked against the configuration later).
 */
export async function loadStoredCatalog(
  sql: Sql,
  secrets: SecretBox,
  defaultTimeoutMs: number,
  logger: Logger,
): Promise<StoredCatalog> {
  const { providers, models, aliases, deployments, prices } = await sql.withSystem(async (tx) => ({
    providers: await tx.query<ProviderRow>(`SELECT ${providerColumns} FROM gateway_providers ORDER BY name`),
    models: await tx.query<ModelRow>(`SELECT ${modelColumns} FROM gateway_models ORDER BY name`),
    aliases: await tx.query<{ alias: string; model_id: string }>(
      "SELECT alias, model_id FROM gateway_model_aliases ORDER BY alias",
    ),
    deployments: await tx.query<DeploymentRow>(
      `SELECT id, model_id, provider_id, declared_provider, upstream_model, model_path, weight, enabled
       FROM gateway_deployments ORDER BY created_at, id`,
    ),
    prices: await tx.query<PriceRow>(`SELECT ${priceColumns} FROM gateway_prices ORDER BY model_id, version`),
  }));
  const providerNames = new Map(providers.map((row) => [row.id, row.name]));
  const aliasesOf = groupBy(aliases, (alias) => alias.model_id);
  const deploymentsOf = groupBy(deployments, (deployment) => deployment.model_id);
  const pricesOf = groupBy(prices, (price) => price.model_id);
  return {
    providers: providers.map((row) => ({
      provider: toProvider(row, secrets, defaultTimeoutMs, logger),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
    models: models.map((row) => ({
      id: row.id,
      name: row.name,
      displayName: row.display_name,
      kind: row.kind,
      aliases: (aliasesOf.get(row.id) ?? []).map((alias) => alias.alias),
      capabilities: row.capabilities.filter(isCapability),
      contextWindow: row.context_window,
      maxOutputTokens: row.max_output_tokens,
      qualityRank: row.quality_rank,
      tags: row.tags,
      deployments: (deploymentsOf.get(row.id) ?? []).map((deployment) =>
        toDeployment(deployment, providerNames),
      ),
      priceHistory: (pricesOf.get(row.id) ?? []).map(toPricePoint),
      source: "api",
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    })),
  };
}

function toProvider(
  row: ProviderRow,
  secrets: SecretBox,
  defaultTimeoutMs: number,
  logger: Logger,
): Provider {
  let apiKey: string | null = null;
  if (row.api_key_encrypted) {
    try {
      apiKey = secrets.open(row.api_key_encrypted);
    } catch {
      // Sealed under another TRIBUTARY_SECRET_KEY: calls go out without a key and fail upstream.
      logger.error({ provider: row.name }, "gateway provider key cannot be decrypted; set it again");
    }
  }
  return Object.freeze({
    id: row.id,
    name: row.name,
    type: row.type,
    baseUrl: effectiveBaseUrl(row.type, row.base_url) ?? "",
    apiKey,
    headers: Object.freeze({ ...row.headers }),
    timeoutMs: row.timeout_ms ?? defaultTimeoutMs,
    enabled: row.enabled,
    source: "api",
  });
}

function toDeployment(row: DeploymentRow, providerNames: ReadonlyMap<string, string>): Deployment {
  const providerName = row.provider_id
    ? (providerNames.get(row.provider_id) ?? "")
    : (row.declared_provider ?? "");
  return Object.freeze({
    id: row.id,
    providerName,
    upstreamModel: row.upstream_model,
    weight: row.weight,
    enabled: row.enabled,
    ...(row.model_path ? { modelPath: row.model_path } : {}),
  });
}

export function toPricePoint(row: PriceRow): PricePoint {
  return Object.freeze({
    version: row.version,
    effectiveFrom: row.effective_from,
    prices: Object.freeze({
      input: Number(row.input),
      cachedInput: Number(row.cached_input),
      cacheWrite: Number(row.cache_write),
      output: Number(row.output),
      reasoning: Number(row.reasoning),
    }),
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
