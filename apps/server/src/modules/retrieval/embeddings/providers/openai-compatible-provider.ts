import type { EmbeddingProvider, HttpCallPolicy } from "../embedding-provider.js";
import { knownDimensionsOf } from "../model-dimensions.js";
import { checkVectors } from "./check-vectors.js";
import { type EmbeddingCallTarget, postEmbeddingRequest } from "./post-embedding-request.js";
import { probeDimensions } from "./probe-dimensions.js";

export const defaultOpenAiEmbeddingModel = "text-embedding-3-small";
export const defaultOpenAiBaseUrl = "https://api.openai.com/v1";

export interface OpenAiCompatibleProviderOptions {
  /** Up to and including `/v1`; `/embeddings` is appended. */
  readonly baseUrl: string;
  readonly apiKey: string | undefined;
  readonly model: string;
  /** EMBEDDING_DIMENSIONS: asked of the model (`dimensions`) when it differs from its native size. */
  readonly dimensions: number | undefined;
  readonly policy: HttpCallPolicy;
}

/**
 * Any server speaking OpenAI's `POST /v1/embeddings` (OpenAI, Azure-style proxies, vLLM, LM
 * Studio, Ollama's `/v1`, this platform's gateway). Dimensions come from configuration, else the
 * known-model table, else one probe call at start-up.
 */
export async function createOpenAiCompatibleProvider(
  options: OpenAiCompatibleProviderOptions,
): Promise<EmbeddingProvider> {
  const target: EmbeddingCallTarget = {
    provider: "openai_compatible",
    model: options.model,
    url: `${options.baseUrl.replace(/\/+$/, "")}/embeddings`,
    headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
  };
  const nativeDimensions = knownDimensionsOf(options.model);
  // Only ask for a size when it is not the model's own: many compatible servers reject `dimensions`.
  const requestedDimensions =
    options.dimensions !== undefined && options.dimensions !== nativeDimensions
      ? options.dimensions
      : undefined;

  const call = async (texts: readonly string[], dimensions: number | undefined, signal?: AbortSignal) => {
    const body = {
      model: options.model,
      input: texts,
      ...(requestedDimensions === undefined ? {} : { dimensions: requestedDimensions }),
    };
    const answer = (await postEmbeddingRequest(target, body, options.policy, signal)) as { data?: unknown };
    const data = Array.isArray(answer?.data) ? [...answer.data] : undefined;
    // The wire format carries an index per item; order by it rather than trusting array order.
    data?.sort((a, b) => indexOf(a) - indexOf(b));
    return checkVectors(
      target,
      data?.map((item) => (item as { embedding?: unknown })?.embedding),
      texts.length,
      dimensions,
    );
  };

  const dimensions =
    options.dimensions ??
    nativeDimensions ??
    (await probeDimensions(target, options.baseUrl, (texts) => call(texts, undefined)));
  return {
    model: { name: options.model, provider: "openai_compatible", dimensions, fallback: false },
    embedBatch: (texts, signal) => call(texts, dimensions, signal),
    close: async () => {},
  };
}

function indexOf(item: unknown): number {
  const index = (item as { index?: unknown } | null)?.index;
  return typeof index === "number" ? index : 0;
}
