import type { EmbeddingConfig } from "../../../config/index.js";

/** EmbeddingConfig as tests want it: no provider (lexical), no download, quick retries. */
export function testEmbeddingConfig(overrides: Partial<EmbeddingConfig> = {}): EmbeddingConfig {
  return {
    provider: undefined,
    model: undefined,
    baseUrl: undefined,
    apiKey: undefined,
    dimensions: undefined,
    modelDir: undefined,
    allowDownload: false,
    batchSize: 100,
    maxConcurrent: 4,
    threads: 1,
    timeoutMs: 5000,
    maxRetries: 2,
    retryMaxWaitMs: 50,
    cacheEntries: 1000,
    ...overrides,
  };
}
