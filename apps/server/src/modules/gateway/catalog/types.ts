export type ProviderType = "openai" | "anthropic" | "openai_compatible" | "local";

/** Which wire protocol a provider speaks upstream. */
export function protocolOf(type: ProviderType): "openai" | "anthropic" | "local" {
  switch (type) {
    case "openai":
    case "openai_compatible":
      return "openai";
    case "anthropic":
      return "anthropic";
    case "local":
      return "local";
  }
}

/** A provider as the router needs it; the API key is decrypted in memory only, never returned. */
export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly type: ProviderType;
  /** e.g. https://api.openai.com/v1, https://api.anthropic.com (no trailing slash). */
  readonly baseUrl: string;
  readonly apiKey: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly enabled: boolean;
  /** Declared in configuration (read-only through the API) or managed through the admin API. */
  readonly source: "config" | "api";
  /** How a `local` provider runs its GGUF models; defaults apply when absent. */
  readonly local?: LocalRuntimeSettings;
}

/** Where and how a `local` provider runs models in-process (node-llama-cpp). */
export interface LocalRuntimeSettings {
  /** Tokens per sequence; null: min(4096, the model's training context). */
  readonly contextSize: number | null;
  /** `false` runs on the CPU; `auto` uses a GPU when a prebuilt binary for it loads. */
  readonly gpu: false | "auto" | "cuda" | "vulkan" | "metal";
  /** CPU threads per evaluation; null: node-llama-cpp's default (the math cores). */
  readonly threads: number | null;
  /** Generations run at once per model; further calls queue for a free sequence. */
  readonly sequences: number;
}

export type Capability =
  | "functions"
  | "parallel_functions"
  | "vision"
  | "structured_output"
  | "json_schema"
  | "strict"
  | "streaming"
  | "logprobs"
  | "seed"
  | "assistants"
  | "batch"
  | "prompt_caching";

/** USD per one million tokens, per token class (versioned in the price book). */
export interface ModelPrices {
  readonly input: number;
  readonly cachedInput: number;
  readonly cacheWrite: number;
  readonly output: number;
  readonly reasoning: number;
}

/** One place a model can be served from; several deployments of a model share traffic by weight. */
export interface Deployment {
  readonly id: string;
  readonly providerName: string;
  /** The model name sent upstream. */
  readonly upstreamModel: string;
  readonly weight: number;
  readonly enabled: boolean;
  /** For `local` providers: the GGUF file. */
  readonly modelPath?: string;
}

export interface Model {
  readonly id: string;
  /** What clients send as `model` (also addressable as `provider/name`). */
  readonly name: string;
  readonly displayName: string;
  readonly kind: "chat" | "embedding";
  readonly aliases: readonly string[];
  readonly capabilities: ReadonlySet<Capability>;
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  /** 0–100, higher is better; `optimize_for: quality` picks the highest. */
  readonly qualityRank: number;
  readonly tags: readonly string[];
  /** Current prices (the price book's latest version effective now). */
  readonly prices: ModelPrices;
  readonly priceVersion: number;
  readonly deployments: readonly Deployment[];
  /** Declared in configuration (read-only through the API) or managed through the admin API. */
  readonly source: "config" | "api";
}

/** One version of a model's prices in the price book. */
export interface PricePoint {
  readonly version: number;
  readonly effectiveFrom: Date;
  readonly prices: ModelPrices;
}

/** A read-only snapshot the hot path uses without touching the database. */
export interface CatalogSnapshot {
  readonly version: number;
  readonly providers: ReadonlyMap<string, Provider>;
  readonly models: readonly Model[];
  /** By name, alias and `provider/name` (deployments restricted to that provider). */
  resolve(nameOrAlias: string): Model | null;
  byId(modelId: string): Model | null;
  /** The price version in effect at `at` (for usage records); null for an unknown model. */
  priceAt(modelId: string, at: Date | number): PricePoint | null;
}
