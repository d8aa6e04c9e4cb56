import type { EmbeddingCallTarget } from "./post-embedding-request.js";
import { embeddingFailed } from "./post-embedding-request.js";

/**
 * Checks what a provider returned: one vector per input, each of finite numbers and (when known)
 * of the model's dimensions. Values are rounded to float32, pgvector's precision, so a vector read
 * back from the cache is identical to a fresh one.
 */
export function checkVectors(
  target: Pick<EmbeddingCallTarget, "provider" | "model">,
  vectors: unknown,
  expectedCount: number,
  dimensions: number | undefined,
): number[][] {
  if (!Array.isArray(vectors) || vectors.length !== expectedCount) {
    const got = Array.isArray(vectors) ? `${vectors.length} vectors` : "no vector list";
    throw embeddingFailed(target, `expected ${expectedCount} vectors, got ${got}`, "invalid_response");
  }
  const width = dimensions ?? (Array.isArray(vectors[0]) ? vectors[0].length : 0);
  return vectors.map((vector: unknown) => {
    if (!Array.isArray(vector) || vector.length !== width || width === 0) {
      const length = Array.isArray(vector) ? vector.length : 0;
      throw embeddingFailed(
        target,
        `expected vectors of ${width} dimensions, got ${length} (is EMBEDDING_DIMENSIONS right for this model?)`,
        "invalid_response",
      );
    }
    return vector.map((value: unknown) => {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw embeddingFailed(
          target,
          "a vector holds a value that is not a finite number",
          "invalid_response",
        );
      }
      return Math.fround(value);
    });
  });
}
