import type { EmbeddingModelInfo } from "./embedding-port.js";

/**
 * One way of turning texts into vectors, behind the service. Providers embed exactly the batch
 * they are given (the service batches, caches, counts tokens and limits concurrency according to
 * `model.provider`) and fail with `AppError("EMBEDDING_FAILED")`.
 */
export interface EmbeddingProvider {
  readonly model: EmbeddingModelInfo;
  embedBatch(texts: readonly string[], signal?: AbortSignal): Promise<number[][]>;
  close(): Promise<void>;
}

/** The retry and timeout policy of the HTTP providers (EMBEDDING_TIMEOUT_MS, _MAX_RETRIES, _RETRY_MAX_WAIT_MS). */
export interface HttpCallPolicy {
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly retryMaxWaitMs: number;
  /** First backoff; doubles on each retry (spec: 2^retry seconds). Tests shorten it. */
  readonly baseDelayMs?: number;
  readonly fetch?: typeof fetch;
}
