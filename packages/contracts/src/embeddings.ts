import { z } from "zod";

/** At most this many texts per `POST /api/v1/embeddings` call (OpenAI's per-request cap). */
export const maxEmbeddingTexts = 2048;
/** Per text: about 8000 tokens of prose; the service cuts what is longer to 8000 tokens. */
export const maxEmbeddingTextChars = 32_000;

export const embeddingsRequestSchema = z
  .object({
    texts: z
      .array(z.string().min(1).max(maxEmbeddingTextChars))
      .min(1)
      .max(maxEmbeddingTexts)
      .describe(
        "Texts to embed, in order. Each is NFKC-normalised, whitespace-collapsed and cut to 8000 tokens",
      ),
    model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("An embedding model the platform knows; the default model when absent"),
    dataset_id: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "Embed with the model this dataset is pinned to (its vectors can then be searched with them)",
      ),
  })
  .strict()
  .meta({ id: "EmbeddingsRequest" });

export const embeddingsResponseSchema = z
  .object({
    model: z.string(),
    dimensions: z.number().int(),
    embeddings: z.array(z.array(z.number())).describe("One vector per input text, in order"),
    usage: z.object({
      tokens: z
        .number()
        .int()
        .describe("Tokens sent to the provider (0 for cache hits and the lexical embedder)"),
    }),
    cached: z.number().int().describe("How many of the texts were answered from the embedding cache"),
    took_ms: z.number().int(),
  })
  .meta({ id: "EmbeddingsResponse" });

export type EmbeddingsRequest = z.infer<typeof embeddingsRequestSchema>;
export type EmbeddingsResponse = z.infer<typeof embeddingsResponseSchema>;

export const embeddingModelSchema = z
  .object({
    name: z.string().describe("What datasets are pinned to and `model` names"),
    provider: z
      .string()
      .describe("lexical, sentence_encoder, onnx, openai_compatible or ollama: how the vectors are made"),
    dimensions: z.number().int(),
    fallback: z
      .boolean()
      .describe("True for the built-in lexical embedder: word hashing, no knowledge of meaning"),
    default: z.boolean().describe("The model new datasets and requests without `model` use"),
  })
  .meta({ id: "EmbeddingModel" });

export const embeddingModelsResponseSchema = z
  .object({
    data: z.array(embeddingModelSchema).describe("The default model first"),
  })
  .meta({ id: "EmbeddingModels" });

export type EmbeddingModel = z.infer<typeof embeddingModelSchema>;
export type EmbeddingModelsResponse = z.infer<typeof embeddingModelsResponseSchema>;
