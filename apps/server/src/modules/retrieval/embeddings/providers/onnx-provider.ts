import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { AppError } from "../../../../platform/errors/index.js";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { EmbeddingProvider } from "../embedding-provider.js";
import { checkVectors } from "./check-vectors.js";
import { embeddingFailed } from "./post-embedding-request.js";

export const defaultOnnxEmbeddingModel = "Xenova/all-MiniLM-L6-v2";

/**
 * Tokenization is synchronous JavaScript on the calling thread (inference runs on onnxruntime's own
 * threads), so texts go to the model in small groups with a yield in between.
 */
const textsPerInference = 16;
/** The model sees at most 512 tokens; longer input only costs tokenizer time. */
const maxCharsPerText = 4096;

export interface OnnxProviderOptions {
  /** A Hugging Face model id with ONNX weights, e.g. `Xenova/all-MiniLM-L6-v2`. */
  readonly model: string;
  /** EMBEDDING_MODEL_DIR: where `<model id>/` is looked up and downloads are kept. */
  readonly modelDir: string | undefined;
  readonly allowDownload: boolean;
  /** EMBEDDING_DIMENSIONS, checked against the model's real output when set. */
  readonly dimensions: number | undefined;
  readonly logger: Logger;
}

type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<{ tolist(): unknown }>;

/**
 * A local sentence-embedding model run by `@huggingface/transformers` (onnxruntime-node): loaded
 * from the model dir, or downloaded into it on first start where a network exists. Loading happens
 * at start-up so that a missing model stops the start with the fix, not the first document.
 */
export async function createOnnxProvider(options: OnnxProviderOptions): Promise<EmbeddingProvider> {
  const target = { provider: "onnx" as const, model: options.model };
  const where = options.modelDir ?? "the @huggingface/transformers cache";
  let transformers: typeof import("@huggingface/transformers");
  try {
    transformers = await import("@huggingface/transformers");
  } catch (error) {
    throw new AppError(
      "EMBEDDING_FAILED",
      "The onnx embedding provider needs the optional package @huggingface/transformers, which is not " +
        "installed: install it, or choose EMBEDDING_PROVIDER=openai_compatible, ollama or lexical.",
      { details: { ...target, error_type: "model_load" }, cause: error },
    );
  }
  const { env, pipeline } = transformers;
  if (options.modelDir) {
    env.localModelPath = options.modelDir;
    // Downloads land in the same layout (`<dir>/<model id>/…`), so the next start finds them locally.
    env.cacheDir = options.modelDir;
  }
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowDownload;

  options.logger.info(
    { model: options.model, model_dir: where, allow_download: options.allowDownload },
    "loading the local embedding model",
  );
  let extractor: FeatureExtractor & { dispose(): Promise<void> };
  try {
    extractor = (await pipeline("feature-extraction", options.model, {
      dtype: "fp32",
    })) as unknown as FeatureExtractor & { dispose(): Promise<void> };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fix = options.allowDownload
      ? "put the model's files there (config.json, tokenizer.json, onnx/model.onnx) or allow the download to reach huggingface.co"
      : "put the model's files there (config.json, tokenizer.json, onnx/model.onnx) or set EMBEDDING_ALLOW_DOWNLOAD=true";
    throw new AppError(
      "EMBEDDING_FAILED",
      `Could not load embedding model ${options.model} from ${where}` +
        `${options.allowDownload ? " (download allowed)" : " (download not allowed)"}: ${reason}. ` +
        `To fix: ${fix}; or choose another provider with EMBEDDING_PROVIDER (lexical needs no model).`,
      { details: { ...target, model_dir: where, error_type: "model_load" }, cause: error },
    );
  }

  const embedBatch = async (
    texts: readonly string[],
    dimensions: number | undefined,
    signal?: AbortSignal,
  ) => {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += textsPerInference) {
      if (signal?.aborted) throw embeddingFailed(target, "the request was cancelled", "cancelled");
      const group = texts
        .slice(start, start + textsPerInference)
        .map((text) => text.slice(0, maxCharsPerText));
      let output: unknown;
      try {
        output = (await extractor(group, { pooling: "mean", normalize: true })).tolist();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw embeddingFailed(target, `inference failed: ${reason}`, "upstream_error");
      }
      vectors.push(...checkVectors(target, output, group.length, dimensions));
      await yieldToEventLoop();
    }
    return vectors;
  };

  const [probe] = await embedBatch(["dimension probe"], undefined);
  const dimensions = probe?.length ?? 0;
  if (options.dimensions !== undefined && options.dimensions !== dimensions) {
    await extractor.dispose();
    throw new AppError(
      "EMBEDDING_FAILED",
      `EMBEDDING_DIMENSIONS is ${options.dimensions} but model ${options.model} produces ${dimensions}: ` +
        "unset EMBEDDING_DIMENSIONS or set it to the model's size.",
      { details: { ...target, error_type: "model_load" } },
    );
  }
  return {
    model: { name: options.model, provider: "onnx", dimensions, fallback: false },
    embedBatch: (texts, signal) => embedBatch(texts, dimensions, signal),
    close: () => extractor.dispose(),
  };
}
