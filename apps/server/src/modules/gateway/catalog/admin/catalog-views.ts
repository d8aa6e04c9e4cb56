import type { GatewayModel, GatewayPriceVersion, GatewayProvider } from "@tributary/contracts";
import type { ModelEntry, ProviderEntry } from "../catalog-entries.js";
import { zeroPrices } from "../prices.js";
import type { CatalogSnapshot, ModelPrices, PricePoint } from "../types.js";
import { maskHeaders, secretHint } from "./mask-secrets.js";

/** A provider as the API shows it: never its key, only whether it has one and a hint. */
export function toGatewayProvider(entry: ProviderEntry): GatewayProvider {
  const { provider } = entry;
  return {
    id: provider.id,
    name: provider.name,
    type: provider.type,
    base_url: provider.baseUrl,
    has_api_key: provider.apiKey !== null,
    api_key_hint: secretHint(provider.apiKey),
    headers: maskHeaders(provider.headers),
    timeout_ms: provider.timeoutMs,
    enabled: provider.enabled,
    source: provider.source,
    created_at: entry.createdAt?.toISOString() ?? null,
    updated_at: entry.updatedAt?.toISOString() ?? null,
  };
}

export function toGatewayModel(entry: ModelEntry, snapshot: CatalogSnapshot): GatewayModel {
  const current = snapshot.priceAt(entry.id, Date.now());
  return {
    id: entry.id,
    name: entry.name,
    display_name: entry.displayName,
    kind: entry.kind,
    aliases: [...entry.aliases],
    capabilities: [...entry.capabilities],
    context_window: entry.contextWindow,
    max_output_tokens: entry.maxOutputTokens,
    quality_rank: entry.qualityRank,
    tags: [...entry.tags],
    prices: toPricesView(current?.prices ?? zeroPrices),
    price_version: current?.version ?? 0,
    deployments: entry.deployments.map((deployment) => ({
      id: deployment.id,
      provider: deployment.providerName,
      upstream_model: deployment.upstreamModel,
      weight: deployment.weight,
      enabled: deployment.enabled,
      model_path: deployment.modelPath ?? null,
    })),
    source: entry.source,
    created_at: entry.createdAt?.toISOString() ?? null,
    updated_at: entry.updatedAt?.toISOString() ?? null,
  };
}

export function toPriceVersion(point: PricePoint, createdAt: Date | null): GatewayPriceVersion {
  return {
    version: point.version,
    effective_from: point.effectiveFrom.toISOString(),
    ...toPricesView(point.prices),
    created_at: createdAt?.toISOString() ?? null,
  };
}

function toPricesView(prices: ModelPrices) {
  return {
    input: prices.input,
    cached_input: prices.cachedInput,
    cache_write: prices.cacheWrite,
    output: prices.output,
    reasoning: prices.reasoning,
  };
}
