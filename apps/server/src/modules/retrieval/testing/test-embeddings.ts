import { AppError } from "../../../platform/errors/index.js";
import type { EmbeddingModelInfo, EmbeddingService } from "../embeddings/index.js";
import { createLexicalEmbedder, parseLexicalModelName } from "../embeddings/index.js";

export interface TestEmbeddingsOptions {
  /** Dimensions of the default (lexical) model; 384 unless said. */
  readonly dimensions?: number;
  /** Every `embed` fails with EMBEDDING_FAILED (to test that hybrid search survives it). */
  readonly failing?: boolean;
  /** Other model names, each served by the lexical embedder of the given dimensions. */
  readonly aliases?: Readonly<Record<string, number>>;
}

/**
 * An EmbeddingService over the built-in lexical embedder alone, without cache or provider: the
 * real embedder, minus the infrastructure retrieval's tests do not exercise. Any
 * `lexical-hash-v1-<n>` model is known, as in the real service.
 */
export function createTestEmbeddings(options: TestEmbeddingsOptions = {}): EmbeddingService {
  const fallback = createLexicalEmbedder(options.dimensions);
  const embedderOf = (name: string) => {
    const alias = options.aliases?.[name];
    if (alias !== undefined) {
      const embedder = createLexicalEmbedder(alias);
      return { ...embedder, model: { ...embedder.model, name } };
    }
    const dimensions = parseLexicalModelName(name);
    return dimensions === undefined ? undefined : createLexicalEmbedder(dimensions);
  };
  const models = (): EmbeddingModelInfo[] => [fallback.model];
  return {
    defaultModel: fallback.model,
    models,
    describe: (name) => embedderOf(name)?.model,
    async embed(request) {
      const started = performance.now();
      if (options.failing) throw new AppError("EMBEDDING_FAILED", "The test embedder is set to fail");
      const embedder = embedderOf(request.model ?? fallback.model.name);
      if (!embedder) throw new AppError("INVALID_SEARCH_PARAMS", `Unknown embedding model ${request.model}`);
      return {
        model: embedder.model.name,
        dimensions: embedder.model.dimensions,
        vectors: embedder.embed(request.texts),
        tokens: 0,
        cached: 0,
        tookMs: performance.now() - started,
      };
    },
    async close() {},
  };
}
