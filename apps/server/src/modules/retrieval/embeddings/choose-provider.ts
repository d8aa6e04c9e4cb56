import type { EmbeddingConfig } from "../../../config/index.js";
import { assertNever } from "../../../platform/errors/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import type { EmbeddingProviderKind } from "./embedding-port.js";
import type { EmbeddingProvider, HttpCallPolicy } from "./embedding-provider.js";
import { createLexicalProvider, defaultLexicalDimensions } from "./providers/lexical-embedder.js";
import {
  createOllamaProvider,
  defaultOllamaBaseUrl,
  defaultOllamaEmbeddingModel,
} from "./providers/ollama-provider.js";
import { createOnnxProvider, defaultOnnxEmbeddingModel } from "./providers/onnx-provider.js";
import {
  createOpenAiCompatibleProvider,
  defaultOpenAiBaseUrl,
  defaultOpenAiEmbeddingModel,
} from "./providers/openai-compatible-provider.js";
import { createSentenceEncoderProvider } from "./providers/sentence-encoder-provider.js";

/**
 * Spec G16: EMBEDDING_PROVIDER is honoured when set. Unset: a local model when a model dir is
 * configured, an OpenAI-compatible server when a base URL or key is, else the built-in lexical
 * embedder (announced by the service).
 */
export function chooseProviderKind(config: EmbeddingConfig): EmbeddingProviderKind {
  if (config.provider) return config.provider;
  if (config.modelDir) return "onnx";
  if (config.baseUrl || config.apiKey) return "openai_compatible";
  return "lexical";
}

export interface ProviderFactoryOptions {
  readonly config: EmbeddingConfig;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** First retry backoff (1 s by default, doubling); tests shorten it. */
  readonly retryBaseDelayMs?: number;
}

/** Builds the configured provider; a model that cannot load or be reached stops the start. */
export async function createConfiguredProvider(options: ProviderFactoryOptions): Promise<EmbeddingProvider> {
  const { config } = options;
  const policy: HttpCallPolicy = {
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
    retryMaxWaitMs: config.retryMaxWaitMs,
    ...(options.retryBaseDelayMs === undefined ? {} : { baseDelayMs: options.retryBaseDelayMs }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const kind = chooseProviderKind(config);
  switch (kind) {
    case "lexical":
      return createLexicalProvider(config.dimensions ?? defaultLexicalDimensions);
    case "onnx":
      return createOnnxProvider({
        model: config.model ?? defaultOnnxEmbeddingModel,
        modelDir: config.modelDir,
        allowDownload: config.allowDownload,
        dimensions: config.dimensions,
        logger: options.logger,
      });
    case "sentence_encoder":
      return createSentenceEncoderProvider({
        dimensions: config.dimensions,
        threads: config.threads,
        logger: options.logger,
      });
    case "openai_compatible":
      return createOpenAiCompatibleProvider({
        baseUrl: config.baseUrl ?? defaultOpenAiBaseUrl,
        apiKey: config.apiKey,
        model: config.model ?? defaultOpenAiEmbeddingModel,
        dimensions: config.dimensions,
        policy,
      });
    case "ollama":
      return createOllamaProvider({
        baseUrl: config.baseUrl ?? defaultOllamaBaseUrl,
        apiKey: config.apiKey,
        model: config.model ?? defaultOllamaEmbeddingModel,
        dimensions: config.dimensions,
        policy,
      });
    default:
      return assertNever(kind);
  }
}
