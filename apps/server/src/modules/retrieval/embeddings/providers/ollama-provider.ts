import type { EmbeddingProvider, HttpCallPolicy } from "../embedding-provider.js";
import { knownDimensionsOf } from "../model-dimensions.js";
import { checkVectors } from "./check-vectors.js";
import { type EmbeddingCallTarget, postEmbeddingRequest } from "./post-embedding-request.js";
import { probeDimensions } from "./probe-dimensions.js";

export const defaultOllamaEmbeddingModel = "nomic-embed-text";
export const defaultOllamaBaseUrl = "http://127.0.0.1:11434";

export interface OllamaProviderOptions {
  /** The Ollama server, without `/api`. */
  readonly baseUrl: string;
  /** Sent as a Bearer token when set (Ollama behind an authenticating proxy). */
  readonly apiKey: string | undefined;
  readonly model: string;
  readonly dimensions: number | undefined;
  readonly policy: HttpCallPolicy;
}

/** Ollama's native `POST /api/embed` (`{model, input: [...]}` → `{embeddings: [[...]]}`). */
export async function createOllamaProvider(options: OllamaProviderOptions): Promise<EmbeddingProvider> {
  const target: EmbeddingCallTarget = {
    provider: "ollama",
    model: options.model,
    url: `${options.baseUrl.replace(/\/+$/, "")}/api/embed`,
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
  };
  const call = async (texts: readonly string[], dimensions: number | undefined, signal?: AbortSignal) => {
    const answer = (await postEmbeddingRequest(
      target,
      { model: options.model, input: texts },
      options.policy,
      signal,
    )) as { embeddings?: unknown } | null;
    return checkVectors(target, answer?.embeddings, texts.length, dimensions);
  };
  const dimensions =
    options.dimensions ??
    knownDimensionsOf(options.model) ??
    (await probeDimensions(target, options.baseUrl, (texts) => call(texts, undefined)));
  return {
    model: { name: options.model, provider: "ollama", dimensions, fallback: false },
    embedBatch: (texts, signal) => call(texts, dimensions, signal),
    close: async () => {},
  };
}
