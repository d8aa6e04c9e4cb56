import { AppError } from "../../../../platform/errors/index.js";
import type { EmbeddingCallTarget } from "./post-embedding-request.js";

/**
 * Learns an unknown model's dimensions by embedding one short text, once, at start-up. A failure
 * stops the start with what to fix, since no dataset could be created or searched without them.
 */
export async function probeDimensions(
  target: Pick<EmbeddingCallTarget, "provider" | "model">,
  where: string,
  embed: (texts: readonly string[]) => Promise<number[][]>,
): Promise<number> {
  try {
    const [vector] = await embed(["dimension probe"]);
    if (vector && vector.length > 0) return vector.length;
    throw new Error("the provider returned an empty vector");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError(
      "EMBEDDING_FAILED",
      `Could not learn the dimensions of embedding model ${target.model} (${target.provider}) at ${where}: ` +
        `${reason}. Check EMBEDDING_BASE_URL, EMBEDDING_API_KEY and EMBEDDING_MODEL, or set ` +
        "EMBEDDING_DIMENSIONS to skip this probe.",
      { details: { provider: target.provider, model: target.model, error_type: "model_load" }, cause: error },
    );
  }
}
