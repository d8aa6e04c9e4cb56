/** How a model's vectors are produced; `lexical` is the built-in deterministic fallback. */
export type EmbeddingProviderKind = "lexical" | "onnx" | "sentence_encoder" | "openai_compatible" | "ollama";

/** One embedding model the platform can use, as listed by the service and shown in dataset stats. */
export interface EmbeddingModelInfo {
  /** The name datasets are pinned to, e.g. `lexical-hash-384`, `all-MiniLM-L6-v2`, `text-embedding-3-small`. */
  readonly name: string;
  readonly provider: EmbeddingProviderKind;
  readonly dimensions: number;
  /** True for the built-in lexical embedder: announced in logs, readiness details and dataset stats. */
  readonly fallback: boolean;
}

export interface EmbedRequest {
  readonly tenantId: string;
  /** A model name from `models()`; the default model when absent. */
  readonly model?: string | undefined;
  readonly texts: readonly string[];
  readonly signal?: AbortSignal | undefined;
}

export interface EmbedResult {
  readonly model: string;
  readonly dimensions: number;
  /** One vector per input text, in order. */
  readonly vectors: number[][];
  /** Tokens sent to the provider (0 for cache hits and the lexical embedder's own count). */
  readonly tokens: number;
  /** How many of the texts were answered from the cache. */
  readonly cached: number;
  readonly tookMs: number;
}

/**
 * The embedding service retrieval depends on. Implementations batch, limit concurrency, retry
 * with backoff and cache by content hash; failures surface as `AppError("EMBEDDING_FAILED")`.
 */
export interface EmbeddingService {
  readonly defaultModel: EmbeddingModelInfo;
  models(): readonly EmbeddingModelInfo[];
  /** The model's info, or an `AppError("INVALID_SEARCH_PARAMS")`-free `undefined` when unknown. */
  describe(model: string): EmbeddingModelInfo | undefined;
  embed(request: EmbedRequest): Promise<EmbedResult>;
  close(): Promise<void>;
}
