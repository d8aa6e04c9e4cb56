import type { EmbeddingConfig } from "../../../config/index.js";
import { AppError, assertNever, isAppError } from "../../../platform/errors/index.js";
import type { Sql } from "../../../platform/sql/index.js";
import type { Logger } from "../../../platform/telemetry/logger.js";
import type { Metrics } from "../../../platform/telemetry/metrics.js";
import { createConfiguredProvider } from "./choose-provider.js";
import { createConcurrencyLimit } from "./concurrency-limit.js";
import { createEmbeddingCache, type EmbeddingCache } from "./embedding-cache.js";
import { createEmbeddingMetrics, type EmbeddingMetrics } from "./embedding-metrics.js";
import type {
  EmbeddingModelInfo,
  EmbeddingProviderKind,
  EmbeddingService,
  EmbedRequest,
  EmbedResult,
} from "./embedding-port.js";
import type { EmbeddingProvider } from "./embedding-provider.js";
import { passageSentences, pooledVector } from "./passage-sentences.js";
import { type PreparedText, prepareTexts } from "./preprocess-text.js";
import {
  createLexicalProvider,
  defaultLexicalDimensions,
  parseLexicalModelName,
} from "./providers/lexical-embedder.js";

export interface EmbeddingServiceOptions {
  readonly config: EmbeddingConfig;
  readonly sql: Sql;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** Registers embedding_generation_seconds, embedding_tokens_total and embedding_errors_total. */
  readonly metrics?: Metrics;
  /** First retry backoff of the HTTP providers (1 s by default); tests shorten it. */
  readonly retryBaseDelayMs?: number;
}

/** How the service treats each kind of provider. */
interface ProviderTraits {
  /** Remote providers bill by token: texts are counted and cut with a real tokenizer. */
  readonly countsTokens: boolean;
  /** Worth a cache read and a concurrency slot: a model or network call costs more than either. */
  readonly costly: boolean;
  /**
   * A passage's vector is the mean of its sentences' vectors, each embedded (and cached) on its
   * own: for models trained on sentences (decision 0015). The cached sentence vectors are what
   * sentence re-ranking reads back.
   */
  readonly pooledBySentence: boolean;
}

function traitsOf(kind: EmbeddingProviderKind): ProviderTraits {
  switch (kind) {
    case "lexical":
      return { countsTokens: false, costly: false, pooledBySentence: false };
    case "sentence_encoder":
      return { countsTokens: false, costly: true, pooledBySentence: true };
    case "onnx":
      return { countsTokens: false, costly: true, pooledBySentence: false };
    case "openai_compatible":
    case "ollama":
      return { countsTokens: true, costly: true, pooledBySentence: false };
    default:
      return assertNever(kind);
  }
}

/**
 * The embedding service: the configured provider plus the built-in lexical embedder (always
 * available, so datasets pinned to it keep working after a model is configured). It normalises
 * and cuts texts, answers repeats from the cache by content hash, batches the rest by
 * EMBEDDING_BATCH_SIZE and runs at most EMBEDDING_MAX_CONCURRENT provider calls at once across
 * all callers. Call `embed` outside any open transaction: the cache uses its own.
 */
export async function createEmbeddingService(options: EmbeddingServiceOptions): Promise<EmbeddingService> {
  const { config, logger } = options;
  const cache = await createEmbeddingCache({ sql: options.sql, logger, memoryEntries: config.cacheEntries });
  const configured = await createConfiguredProvider({
    config,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
  });
  announce(configured.model, config, logger);
  const metrics = createEmbeddingMetrics(options.metrics);
  const limit = createConcurrencyLimit(config.maxConcurrent);

  const lexicalProviders = new Map<number, EmbeddingProvider>();
  const lexicalProvider = (dimensions: number): EmbeddingProvider => {
    if (configured.model.provider === "lexical" && configured.model.dimensions === dimensions)
      return configured;
    let provider = lexicalProviders.get(dimensions);
    if (!provider) {
      provider = createLexicalProvider(dimensions);
      lexicalProviders.set(dimensions, provider);
    }
    return provider;
  };
  const builtIn = lexicalProvider(defaultLexicalDimensions);

  const providerFor = (name: string): EmbeddingProvider | undefined => {
    if (name === configured.model.name || name === baseNameOf(configured.model.name)) return configured;
    const lexicalDimensions = parseLexicalModelName(name);
    return lexicalDimensions === undefined ? undefined : lexicalProvider(lexicalDimensions);
  };
  const models = (): EmbeddingModelInfo[] =>
    configured === builtIn ? [configured.model] : [configured.model, builtIn.model];

  return {
    defaultModel: configured.model,
    models,
    describe: (name) => providerFor(name)?.model,
    async embed(request) {
      const started = performance.now();
      const name = request.model ?? configured.model.name;
      const provider = providerFor(name);
      if (!provider) {
        const known = models().map((model) => model.name);
        throw new AppError(
          "INVALID_SEARCH_PARAMS",
          `Unknown embedding model ${name}; known models: ${known.join(", ")}`,
          {
            details: { model: name, known_models: known },
          },
        );
      }
      const run: EmbedRun = {
        provider,
        traits: traitsOf(provider.model.provider),
        request,
        cache,
        metrics,
        limit,
        logger,
      };
      const result = await embedTexts(run, config.batchSize);
      return { ...result, tookMs: Math.round(performance.now() - started) };
    },
    async close() {
      await configured.close();
    },
  };
}

interface EmbedRun {
  readonly provider: EmbeddingProvider;
  readonly traits: ProviderTraits;
  readonly request: EmbedRequest;
  readonly cache: EmbeddingCache;
  readonly metrics: EmbeddingMetrics;
  readonly limit: ReturnType<typeof createConcurrencyLimit>;
  readonly logger: Logger;
}

type Embedded = Omit<EmbedResult, "tookMs">;

async function embedTexts(run: EmbedRun, batchSize: number): Promise<Embedded> {
  if (run.traits.pooledBySentence) return embedPooled(run, batchSize);
  const { fromCache: _perText, ...embedded } = await embedEach(run, batchSize);
  return embedded;
}

function emptyText(index: number): AppError {
  return new AppError("VALIDATION_ERROR", `Text ${index} is empty once whitespace is collapsed`, {
    details: { index },
  });
}

/** Each text's sentences embedded through the cache, then pooled into the text's vector. */
async function embedPooled(run: EmbedRun, batchSize: number): Promise<Embedded> {
  const perText = run.request.texts.map(passageSentences);
  const emptyAt = perText.findIndex((sentences) => sentences.every((sentence) => sentence.text === ""));
  if (emptyAt >= 0) throw emptyText(emptyAt);
  const sentences = perText.flatMap((each) => each.map((sentence) => sentence.text));
  const embedded = await embedEach({ ...run, request: { ...run.request, texts: sentences } }, batchSize);
  let next = 0;
  let cached = 0;
  const vectors = perText.map((each) => {
    const from = next;
    next += each.length;
    if (embedded.fromCache.slice(from, next).every(Boolean)) cached += 1;
    return pooledVector(embedded.vectors.slice(from, next));
  });
  const { fromCache: _perSentence, ...result } = embedded;
  return { ...result, vectors, cached };
}

/** Each text embedded as it is; `fromCache` says, per text, whether the cache answered it. */
async function embedEach(
  run: EmbedRun,
  batchSize: number,
): Promise<Embedded & { fromCache: readonly boolean[] }> {
  const { provider, traits, request } = run;
  const model = provider.model;
  const prepared = await prepareTexts(request.texts, traits.countsTokens);
  const emptyAt = prepared.findIndex((text) => text.text.length === 0);
  if (emptyAt >= 0) throw emptyText(emptyAt);
  // Identical texts are embedded once per request.
  const unique = new Map<string, PreparedText>();
  for (const text of prepared) unique.set(text.hash, text);

  const cacheKey = `${model.name}#${model.dimensions}`;
  const cached = traits.costly
    ? await run.cache.lookup(request.tenantId, cacheKey, [...unique.keys()])
    : new Map<string, number[]>();
  const missing = [...unique.values()].filter((text) => !cached.has(text.hash));
  const batches: PreparedText[][] = [];
  for (let start = 0; start < missing.length; start += batchSize) {
    batches.push(missing.slice(start, start + batchSize));
  }
  const fresh = new Map<string, number[]>();
  await Promise.all(
    batches.map(async (batch) => {
      const vectors = await (traits.costly
        ? run.limit(() => embedBatch(run, batch))
        : embedBatch(run, batch));
      for (const [index, text] of batch.entries()) fresh.set(text.hash, vectors[index] ?? []);
    }),
  );
  if (traits.costly) await run.cache.store(request.tenantId, cacheKey, fresh);

  const fromCache = prepared.map((text) => !fresh.has(text.hash));
  const vectors = prepared.map((text) => fresh.get(text.hash) ?? [...(cached.get(text.hash) ?? [])]);
  return {
    model: model.name,
    dimensions: model.dimensions,
    vectors,
    tokens: missing.reduce((sum, text) => sum + text.tokens, 0),
    cached: fromCache.filter(Boolean).length,
    fromCache,
  };
}

async function embedBatch(run: EmbedRun, batch: readonly PreparedText[]): Promise<number[][]> {
  const { provider } = run;
  const labels = { provider: provider.model.provider, model: provider.model.name };
  const started = performance.now();
  try {
    const vectors = await provider.embedBatch(
      batch.map((text) => text.text),
      run.request.signal,
    );
    const tokens = batch.reduce((sum, text) => sum + text.tokens, 0);
    run.metrics.observeBatch(labels, (performance.now() - started) / 1000, tokens);
    return vectors;
  } catch (error) {
    const failure = isAppError(error)
      ? error
      : new AppError("EMBEDDING_FAILED", `Embedding with ${labels.model} failed unexpectedly`, {
          cause: error,
        });
    const errorType = String(failure.details?.error_type ?? "unexpected");
    run.metrics.countError({ ...labels, error_type: errorType });
    run.logger.warn(
      { ...labels, tenant_id: run.request.tenantId, error_type: errorType, texts: batch.length, err: error },
      failure.message,
    );
    throw failure;
  }
}

/** The lexical fallback is never silent: a warning at start says what it means and how to leave it. */
function announce(model: EmbeddingModelInfo, config: EmbeddingConfig, logger: Logger): void {
  if (!model.fallback) {
    logger.info(
      { model: model.name, provider: model.provider, dimensions: model.dimensions },
      "embedding model ready",
    );
    return;
  }
  const why = config.provider === "lexical" ? "EMBEDDING_PROVIDER=lexical" : "no embedding model configured";
  logger.warn(
    { model: model.name, provider: model.provider, dimensions: model.dimensions },
    `${why}: using the built-in lexical embedder ${model.name} (word and character overlap only, no semantic ` +
      "similarity). To use a real model set EMBEDDING_MODEL_DIR (a local ONNX model such as " +
      "Xenova/all-MiniLM-L6-v2, downloaded there on first start when EMBEDDING_ALLOW_DOWNLOAD=true), or " +
      "EMBEDDING_BASE_URL and EMBEDDING_API_KEY (any OpenAI-compatible /v1/embeddings), or " +
      "EMBEDDING_PROVIDER=ollama; existing datasets keep their model until re-embedded.",
  );
}

/** `Xenova/all-MiniLM-L6-v2` may be named `all-MiniLM-L6-v2`. */
function baseNameOf(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}
