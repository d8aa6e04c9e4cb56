import { z } from "zod";

/** `POST /api/v1/search`: search the documents of the `X-Space-ID` space that the caller may read. */
export const spaceSearchRequestSchema = z
  .object({
    query: z.string().describe("1–10000 characters"),
    top_k: z.number().int().optional().describe("1–1000, default 10"),
    search_mode: z.enum(["hybrid", "vector", "text"]).optional().describe("Default hybrid (RRF fusion)"),
    notebook_ids: z.array(z.string().min(1).max(100)).max(1000).optional(),
    document_ids: z.array(z.string().min(1).max(255)).max(1000).optional(),
    tags: z
      .array(z.string().min(1).max(100))
      .max(100)
      .optional()
      .describe("Documents with any of these tags"),
    created_after: z.iso.datetime({ offset: true }).optional().describe("Indexed at or after"),
    created_before: z.iso.datetime({ offset: true }).optional().describe("Indexed before"),
    min_score: z.number().optional().describe("0–1, applied to each retriever's score before fusion"),
    rerank: z
      .union([z.boolean(), z.literal("auto")])
      .optional()
      .describe(
        "Re-rank the best SEARCH_RERANK_DEPTH candidates by their sentence most similar to the query (semantic embedders only); " +
          "auto: only where ingestion cached the sentence vectors (the bundled sentence encoder). Default false",
      ),
  })
  .strict()
  .meta({ id: "SpaceSearchRequest" });
export type SpaceSearchRequestBody = z.infer<typeof spaceSearchRequestSchema>;

export const spacePassageSchema = z
  .object({
    rank: z.number().int(),
    score: z.number(),
    scores: z.object({
      vector: z.number().nullable(),
      text: z.number().nullable(),
      sentence: z.number().nullable().describe("The best sentence's similarity to the query when re-ranked"),
    }),
    chunk_id: z.string(),
    chunk_index: z.number().int(),
    document_id: z.string(),
    document_name: z.string(),
    document_title: z
      .string()
      .nullable()
      .describe("The document's title as its text states it (its first paragraph, when short)"),
    notebook_id: z.string(),
    content: z.string(),
    page: z.number().int().nullable(),
    heading_path: z.array(z.string()),
    start_offset: z.number().int().nullable(),
    end_offset: z.number().int().nullable(),
    language: z.string().nullable(),
  })
  .meta({ id: "SpacePassage" });

export const spaceSearchResponseSchema = z
  .object({
    results: z.array(spacePassageSchema),
    took_ms: z.number(),
    stats: z.object({
      search_mode: z.enum(["hybrid", "vector", "text"]),
      vector_results: z.number().int(),
      text_results: z.number().int(),
      embedding_model: z.string(),
      embedding_fallback: z.boolean().describe("True when the built-in lexical embedder is in use"),
      reranked: z.number().int().describe("How many of the first candidates were re-ranked by sentence"),
    }),
  })
  .meta({ id: "SpaceSearchResponse" });
export type SpaceSearchResponse = z.infer<typeof spaceSearchResponseSchema>;
