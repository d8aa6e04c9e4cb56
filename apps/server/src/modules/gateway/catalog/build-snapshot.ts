import type { ModelEntry, ProviderEntry } from "./catalog-entries.js";
import { createPriceBook, zeroPrices } from "./prices.js";
import type { CatalogSnapshot, Model, PricePoint, Provider } from "./types.js";

/** A snapshot with the entries behind it, for the admin API. */
export interface CatalogState {
  readonly snapshot: CatalogSnapshot;
  /** By name; declared first when both sources name one. */
  readonly providers: readonly ProviderEntry[];
  readonly models: readonly ModelEntry[];
  /** When a scheduled price version takes effect, so the current prices must be rebuilt. */
  readonly nextPriceChangeAt: number | null;
}

export interface SnapshotSources {
  readonly declared: { readonly providers: readonly ProviderEntry[]; readonly models: readonly ModelEntry[] };
  readonly stored: { readonly providers: readonly ProviderEntry[]; readonly models: readonly ModelEntry[] };
  readonly version: number;
  readonly now: number;
  /** Told about stored entries the configuration shadows (they are left out). */
  readonly warn: (message: string, details: Record<string, unknown>) => void;
}

/**
 * Merges the declared and the stored catalog into one immutable snapshot. The configuration wins
 * a clash (the admin API refuses to create one, but the configuration may change after). Every
 * lookup the hot path makes is one map read: by name, alias, or `provider/name`.
 */
export function buildCatalogState(sources: SnapshotSources): CatalogState {
  const { declared, stored, warn } = sources;
  const providerEntries = [...declared.providers];
  const providers = new Map<string, Provider>(
    declared.providers.map((entry) => [entry.provider.name, entry.provider]),
  );
  for (const entry of stored.providers) {
    if (providers.has(entry.provider.name)) {
      warn("stored gateway provider is shadowed by a declared one", { provider: entry.provider.name });
      continue;
    }
    providers.set(entry.provider.name, entry.provider);
    providerEntries.push(entry);
  }

  const modelEntries: ModelEntry[] = [];
  const taken = new Set<string>();
  for (const entry of declared.models) {
    modelEntries.push(entry);
    taken.add(entry.name);
  }
  for (const entry of stored.models) {
    if (taken.has(entry.name)) {
      warn("stored gateway model is shadowed by a declared one", { model: entry.name });
      continue;
    }
    taken.add(entry.name);
    modelEntries.push(entry);
  }

  const history = new Map<string, readonly PricePoint[]>();
  for (const entry of modelEntries) history.set(entry.id, entry.priceHistory);
  const priceBook = createPriceBook(history);

  const byName = new Map<string, Model>();
  const byId = new Map<string, Model>();
  const models: Model[] = [];
  const effectiveEntries: ModelEntry[] = [];
  for (const entry of modelEntries) {
    const aliases = entry.aliases.filter((alias) => {
      if (!taken.has(alias)) return true;
      warn("gateway model alias is already a model name or alias; ignored", { model: entry.name, alias });
      return false;
    });
    for (const alias of aliases) taken.add(alias);
    const deployments = entry.deployments.filter((deployment) => {
      if (providers.has(deployment.providerName)) return true;
      warn("gateway deployment names a provider that is not configured; ignored", {
        model: entry.name,
        provider: deployment.providerName,
      });
      return false;
    });
    const current = priceBook.priceAt(entry.id, sources.now);
    const model: Model = Object.freeze({
      id: entry.id,
      name: entry.name,
      displayName: entry.displayName,
      kind: entry.kind,
      aliases: Object.freeze(aliases),
      capabilities: new Set(entry.capabilities),
      contextWindow: entry.contextWindow,
      maxOutputTokens: entry.maxOutputTokens,
      qualityRank: entry.qualityRank,
      tags: Object.freeze([...entry.tags]),
      prices: current?.prices ?? zeroPrices,
      priceVersion: current?.version ?? 0,
      deployments: Object.freeze(deployments),
      source: entry.source,
    });
    models.push(model);
    byId.set(model.id, model);
    effectiveEntries.push({ ...entry, aliases, deployments });
    byName.set(model.name, model);
    for (const alias of aliases) byName.set(alias, model);
  }

  const qualified = qualifiedNames(models);
  const snapshot: CatalogSnapshot = Object.freeze({
    version: sources.version,
    providers,
    models: Object.freeze(models),
    resolve: (name: string) => byName.get(name) ?? qualified.get(name) ?? null,
    byId: (id: string) => byId.get(id) ?? null,
    priceAt: (modelId: string, at: Date | number) => priceBook.priceAt(modelId, at),
  });
  return {
    snapshot,
    providers: providerEntries.sort((a, b) => compare(a.provider.name, b.provider.name)),
    models: effectiveEntries.sort((a, b) => compare(a.name, b.name)),
    nextPriceChangeAt: priceBook.nextChangeAfter(sources.now),
  };
}

/** `provider/name` and `provider/alias` → the model with only that provider's deployments. */
function qualifiedNames(models: readonly Model[]): Map<string, Model> {
  const qualified = new Map<string, Model>();
  for (const model of models) {
    const providerNames = new Set(model.deployments.map((deployment) => deployment.providerName));
    for (const providerName of providerNames) {
      const restricted: Model = Object.freeze({
        ...model,
        deployments: Object.freeze(model.deployments.filter((d) => d.providerName === providerName)),
      });
      for (const name of [model.name, ...model.aliases]) {
        const key = `${providerName}/${name}`;
        if (!qualified.has(key)) qualified.set(key, restricted);
      }
    }
  }
  return qualified;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
