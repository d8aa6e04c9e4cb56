import type { DeclaredProvider } from "../../../config/config.js";
import { builtinModelFor } from "./builtin-models.js";
import { defaultCapabilities, isCapability } from "./capabilities.js";
import type { ModelEntry, ProviderEntry } from "./catalog-entries.js";
import { defaultQualityRank, unknownModelLimits } from "./catalog-entries.js";
import { configId } from "./config-ids.js";
import { completePrices, defaultPricesFor, zeroPrices } from "./prices.js";
import { effectiveBaseUrl, providerProblem } from "./provider-defaults.js";
import type { Capability, Deployment, LocalRuntimeSettings, ModelPrices, Provider } from "./types.js";

/** The providers and models declared at start-up (TRIBUTARY_PROVIDERS or the config file). */
export interface DeclaredCatalog {
  readonly providers: readonly ProviderEntry[];
  readonly models: readonly ModelEntry[];
}

type DeclaredModel = DeclaredProvider["models"][number];
type DetailedModel = Exclude<DeclaredModel, string>;

/** Declared prices are not versioned: they hold from the epoch until the configuration changes. */
const configPriceEpoch = new Date(0);

/**
 * Turns the declarations into catalog entries, or throws an Error naming what is wrong (a
 * misconfigured gateway must not start). A model several providers declare becomes one model
 * with a deployment on each; its first detailed declaration gives its settings.
 */
export function parseDeclaredCatalog(
  declared: readonly DeclaredProvider[],
  defaultTimeoutMs: number,
): DeclaredCatalog {
  const problems: string[] = [];
  const providers: ProviderEntry[] = [];
  const builders = new Map<string, ModelBuilder>();
  const seen = new Set<string>();
  for (const [index, item] of declared.entries()) {
    const where = `TRIBUTARY_PROVIDERS[${index}] (${item.name})`;
    if (seen.has(item.name)) problems.push(`${where}: provider name "${item.name}" is declared twice`);
    seen.add(item.name);
    const problem = providerProblem(item.type, item.base_url);
    const baseUrl = effectiveBaseUrl(item.type, item.base_url);
    if (problem || baseUrl === null) {
      problems.push(`${where}: ${problem ?? "base_url is required"}`);
      continue;
    }
    const provider: Provider = Object.freeze({
      id: configId("provider", item.name),
      name: item.name,
      type: item.type,
      baseUrl,
      apiKey: item.api_key ?? null,
      headers: Object.freeze({ ...item.headers }),
      timeoutMs: item.timeout_ms ?? defaultTimeoutMs,
      enabled: true,
      source: "config",
      ...(item.type === "local" ? { local: localSettingsOf(item) } : {}),
    });
    providers.push({ provider, createdAt: null, updatedAt: null });
    for (const model of item.models) {
      const named: DetailedModel =
        typeof model === "string" ? { name: model, kind: "chat", aliases: [], weight: 1 } : model;
      // A local provider's `model_path` serves each of its models that names no file of its own.
      const detailed: DetailedModel =
        item.type === "local" && !named.model_path && item.model_path
          ? { ...named, model_path: item.model_path }
          : named;
      if (item.type === "local" && !detailed.model_path) {
        problems.push(`${where}: model "${detailed.name}" on a local provider needs model_path`);
        continue;
      }
      const unknown = (detailed.capabilities ?? []).filter((name) => !isCapability(name));
      if (unknown.length > 0) {
        problems.push(
          `${where}: model "${detailed.name}" has unknown capabilities ${unknown.join(", ")} ` +
            "(known: functions, parallel_functions, vision, structured_output, json_schema, strict, " +
            "streaming, logprobs, seed, assistants, batch, prompt_caching)",
        );
        continue;
      }
      let builder = builders.get(detailed.name);
      if (!builder) {
        builder = new ModelBuilder(detailed, provider);
        builders.set(detailed.name, builder);
      } else if (typeof model !== "string") {
        builder.refine(detailed, provider);
      }
      builder.addDeployment(detailed, provider, problems, where);
    }
  }
  const models = [...builders.values()].map((builder) => builder.build());
  checkNames(models, problems);
  if (problems.length > 0) {
    throw new Error(`Invalid LLM provider configuration:\n  - ${problems.join("\n  - ")}`);
  }
  return { providers, models };
}

function localSettingsOf(item: DeclaredProvider): LocalRuntimeSettings {
  return Object.freeze({
    contextSize: item.context_size ?? null,
    gpu: item.gpu ?? false,
    threads: item.threads ?? null,
    sequences: item.sequences ?? 1,
  });
}

/** A name must address one model only: no alias may repeat a model name or another alias. */
function checkNames(models: readonly ModelEntry[], problems: string[]): void {
  const owner = new Map<string, string>();
  for (const model of models) owner.set(model.name, model.name);
  for (const model of models) {
    for (const alias of model.aliases) {
      const taken = owner.get(alias);
      if (taken !== undefined && taken !== model.name) {
        problems.push(
          `alias "${alias}" of model "${model.name}" is already the name or an alias of "${taken}"`,
        );
      } else if (taken === undefined) {
        owner.set(alias, model.name);
      }
    }
  }
}

class ModelBuilder {
  private details: DetailedModel;
  private firstProvider: Provider;
  private detailed: boolean;
  private readonly aliases = new Set<string>();
  private readonly deployments: Deployment[] = [];

  constructor(details: DetailedModel, provider: Provider) {
    this.details = details;
    this.firstProvider = provider;
    this.detailed = !isBare(details);
    for (const alias of details.aliases) this.aliases.add(alias);
  }

  /** A later, detailed declaration gives the settings when the first was a bare name. */
  refine(details: DetailedModel, provider: Provider): void {
    for (const alias of details.aliases) this.aliases.add(alias);
    if (this.detailed) return;
    this.details = details;
    this.firstProvider = provider;
    this.detailed = true;
  }

  addDeployment(details: DetailedModel, provider: Provider, problems: string[], where: string): void {
    const upstreamModel = details.upstream_model ?? details.name;
    const id = configId("deployment", `${provider.name}\u0000${details.name}\u0000${upstreamModel}`);
    if (this.deployments.some((deployment) => deployment.id === id)) {
      problems.push(`${where}: model "${details.name}" is declared twice on this provider`);
      return;
    }
    this.deployments.push(
      Object.freeze({
        id,
        providerName: provider.name,
        upstreamModel,
        weight: details.weight,
        enabled: true,
        ...(details.model_path ? { modelPath: details.model_path } : {}),
      }),
    );
  }

  build(): ModelEntry {
    const details = this.details;
    const builtin = builtinModelFor(details.name, details.upstream_model);
    const kind = details.kind !== "chat" ? details.kind : (builtin?.kind ?? "chat");
    const limits = unknownModelLimits[kind];
    const capabilities: readonly Capability[] = details.capabilities
      ? details.capabilities.filter(isCapability)
      : (builtin?.capabilities ?? defaultCapabilities(this.firstProvider.type, kind));
    const prices: ModelPrices = details.prices
      ? completePrices({
          input: details.prices.input,
          output: details.prices.output,
          cachedInput: details.prices.cached_input,
          cacheWrite: details.prices.cache_write,
          reasoning: details.prices.reasoning,
        })
      : this.firstProvider.type === "local"
        ? zeroPrices // runs on our own hardware, whatever public model it is a copy of
        : (defaultPricesFor(details.name, details.upstream_model) ?? zeroPrices);
    return {
      id: configId("model", details.name),
      name: details.name,
      displayName: builtin?.displayName ?? details.name,
      kind,
      aliases: [...this.aliases].filter((alias) => alias !== details.name),
      capabilities,
      contextWindow: details.context_window ?? builtin?.contextWindow ?? limits.contextWindow,
      maxOutputTokens: details.max_output_tokens ?? builtin?.maxOutputTokens ?? limits.maxOutputTokens,
      qualityRank: details.quality_rank ?? builtin?.qualityRank ?? defaultQualityRank,
      tags: builtin?.tags ?? [],
      deployments: this.deployments,
      priceHistory: [{ version: 1, effectiveFrom: configPriceEpoch, prices }],
      source: "config",
      createdAt: null,
      updatedAt: null,
    };
  }
}

/** A bare name (`"llama-3.1-8b"`) says nothing beyond where the model is served. */
function isBare(details: DetailedModel): boolean {
  return (
    details.prices === undefined &&
    details.capabilities === undefined &&
    details.context_window === undefined &&
    details.max_output_tokens === undefined &&
    details.quality_rank === undefined &&
    details.kind === "chat" &&
    details.aliases.length === 0
  );
}
