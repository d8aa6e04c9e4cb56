import { z } from "zod";
import { pageQuerySchema } from "./pagination.js";

// Retrieval (the DeepLake API, spec tas-processing-vectors §2, §4, §5). Ranges that have their own
// error code (dimensions → INVALID_DATASET_CONFIG, top_k → INVALID_SEARCH_PARAMS, …) are checked by
// the use cases, so these wire schemas fix types and shapes and describe the ranges.

export const metricTypes = ["cosine", "euclidean", "manhattan", "dot_product"] as const;
export const metricTypeSchema = z.enum(metricTypes);
export type MetricType = z.infer<typeof metricTypeSchema>;

/** `default` is served as `flat`; `ivf` as an exact scan (see `index_stats.search`). */
export const indexTypes = ["default", "flat", "hnsw", "ivf"] as const;
export const indexTypeSchema = z.enum(indexTypes);
export type IndexType = z.infer<typeof indexTypeSchema>;

const jsonObject = z.record(z.string(), z.unknown());

export const datasetIdParamsSchema = z.object({ dataset_id: z.string().min(1).max(100) });
export const vectorIdParamsSchema = datasetIdParamsSchema.extend({ vector_id: z.string().min(1).max(100) });

export const datasetIndexConfigSchema = z
  .object({
    m: z.number().int().optional().describe("HNSW: 8–64, default 16"),
    ef_construction: z.number().int().optional().describe("HNSW: 100–500, default 200"),
    ef_search: z.number().int().optional().describe("HNSW: 10–500, default 50"),
    nlist: z.number().int().optional().describe("IVF: default 100"),
    nprobe: z.number().int().optional().describe("IVF: default 10"),
  })
  .strict()
  .meta({ id: "DatasetIndexConfig" });

export const createDatasetRequestSchema = z
  .object({
    name: z.string().describe("1–100 characters of [a-z0-9_-]; `default`, `system`, `shared` are reserved"),
    description: z.string().max(2000).optional(),
    dimensions: z
      .number()
      .int()
      .optional()
      .describe("1–10000; the embedding model's dimensions by default, and must equal them"),
    metric_type: z.string().optional().describe("cosine (default), euclidean, manhattan or dot_product"),
    index_type: z.string().optional().describe("flat (default), default (= flat), hnsw, or ivf (exact scan)"),
    index_config: datasetIndexConfigSchema.optional(),
    embedding_model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("A model of GET /api/v1/embeddings/models; the platform's default model when absent"),
    metadata: jsonObject.optional(),
    overwrite: z.boolean().optional().describe("Replace an existing dataset of the same name"),
  })
  .strict()
  .meta({ id: "CreateDatasetRequest" });
export type CreateDatasetRequest = z.infer<typeof createDatasetRequestSchema>;

export const updateDatasetRequestSchema = z
  .object({
    description: z.string().max(2000).optional(),
    metadata: jsonObject.optional(),
    embedding_model: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .describe("Only while the dataset holds no vectors; otherwise a re-embedding is needed"),
    name: z.string().optional().describe("Immutable: accepted only when unchanged"),
    dimensions: z.number().optional().describe("Immutable: accepted only when unchanged"),
    metric_type: z.string().optional().describe("Immutable: accepted only when unchanged"),
    index_type: z.string().optional().describe("Immutable: accepted only when unchanged"),
  })
  .strict()
  .meta({ id: "UpdateDatasetRequest" });
export type UpdateDatasetRequest = z.infer<typeof updateDatasetRequestSchema>;

export const datasetSchema = z
  .object({
    id: z.string().describe("= name"),
    name: z.string(),
    description: z.string(),
    dimensions: z.number().int(),
    metric_type: metricTypeSchema,
    index_type: indexTypeSchema,
    index_config: jsonObject,
    metadata: jsonObject,
    embedding_model: z.string(),
    storage_location: z.string().describe("tenants/{tenant_id}/{name}"),
    vector_count: z.number().int(),
    storage_size: z.number().int().describe("Bytes of the stored records"),
    created_at: z.string(),
    updated_at: z.string(),
    tenant_id: z.string(),
    reembedding: z
      .object({
        status: z.enum(["running", "failed"]),
        target_model: z.string(),
        target_dimensions: z.number().int(),
        done: z.number().int().describe("Records re-embedded so far"),
        total: z.number().int(),
        percent: z.number().describe("0-100"),
        started_at: z.string(),
        error: z.string().nullable().describe("Why it failed; searches keep using the current model"),
      })
      .nullable()
      .describe(
        "A model change in progress (or failed): searches use `embedding_model` until it switches; null when idle",
      ),
  })
  .meta({ id: "Dataset" });
export type DatasetResponse = z.infer<typeof datasetSchema>;

export const datasetListQuerySchema = pageQuerySchema.strict();

export const deleteDatasetResponseSchema = z
  .object({ success: z.literal(true), message: z.string(), deleted_at: z.string() })
  .meta({ id: "DeleteDatasetResponse" });

export const datasetStatsSchema = z
  .object({
    dataset: datasetSchema,
    vector_count: z.number().int(),
    storage_size: z.number().int(),
    metadata_stats: z.object({
      unique_documents: z.number().int(),
      unique_chunks: z.number().int(),
      languages: z.record(z.string(), z.number().int()),
      content_types: z.record(z.string(), z.number().int()),
    }),
    index_stats: z.object({
      index_type: indexTypeSchema,
      search: z.enum(["exact", "hnsw"]).describe("How searches run: an exact scan or the HNSW index"),
      build_time_seconds: z.number().nullable(),
      memory_usage_bytes: z.number().int(),
      parameters: jsonObject,
      note: z.string().optional(),
    }),
    embedding_model: z.object({
      name: z.string(),
      provider: z.string().nullable(),
      dimensions: z.number().int(),
      fallback: z.boolean().describe("True when the built-in lexical embedder serves this dataset"),
      available: z.boolean(),
    }),
    last_updated: z.string().nullable().describe("When a record was last written"),
    last_rebuild_at: z.string().nullable(),
  })
  .meta({ id: "DatasetStats" });
export type DatasetStats = z.infer<typeof datasetStatsSchema>;

export const vectorCreateSchema = z
  .object({
    id: z.string().optional().describe("A UUID; a UUID v4 is generated when absent"),
    document_id: z.string().min(1).max(255),
    chunk_id: z.string().min(1).max(255).optional(),
    values: z.array(z.number()).describe("Exactly the dataset's dimensions, all finite"),
    content: z.string().optional().describe("At most 10,000 characters"),
    content_hash: z.string().optional().describe("64 hex characters; sha256(content) when absent"),
    metadata: jsonObject.optional().describe("`tenant_id`, when given, must be the caller's tenant"),
    content_type: z.string().optional().describe("A MIME type, text/plain by default"),
    language: z.string().optional().describe("ISO 639-1, en by default"),
    chunk_index: z.number().int().optional().describe("0 ≤ chunk_index < chunk_count"),
    chunk_count: z.number().int().optional().describe("≥ 1"),
    model: z.string().optional().describe("Must be the dataset's embedding model"),
  })
  .meta({ id: "VectorCreate" });
export type VectorCreate = z.infer<typeof vectorCreateSchema>;

export const vectorBatchInsertSchema = z
  .object({
    vectors: z.array(vectorCreateSchema).describe("1–1000 records"),
    skip_existing: z.boolean().optional(),
    overwrite: z.boolean().optional(),
    batch_size: z.number().int().min(1).max(1000).optional().describe("Accepted for compatibility"),
  })
  .meta({ id: "VectorBatchInsert" });
export type VectorBatchInsert = z.infer<typeof vectorBatchInsertSchema>;

export const vectorBatchResponseSchema = z
  .object({
    inserted_count: z.number().int(),
    skipped_count: z.number().int(),
    failed_count: z.number().int(),
    error_messages: z.array(z.string()),
    processing_time_ms: z.number(),
  })
  .meta({ id: "VectorBatchResponse" });
export type VectorBatchResponse = z.infer<typeof vectorBatchResponseSchema>;

export const vectorResponseSchema = z
  .object({
    id: z.string(),
    dataset_id: z.string(),
    document_id: z.string(),
    chunk_id: z.string().nullable(),
    values: z.array(z.number()).optional().describe("Left out of search results unless include_embeddings"),
    content: z.string().nullable().optional(),
    content_hash: z.string().nullable(),
    metadata: jsonObject.optional(),
    content_type: z.string(),
    language: z.string().nullable(),
    chunk_index: z.number().int().nullable(),
    chunk_count: z.number().int().nullable(),
    model: z.string().nullable(),
    dimensions: z.number().int(),
    created_at: z.string().describe("UTC, YYYY-MM-DDTHH:MM:SS.ffffffZ"),
    updated_at: z.string(),
    tenant_id: z.string(),
  })
  .meta({ id: "VectorResponse" });
export type VectorResponse = z.infer<typeof vectorResponseSchema>;

export const deleteVectorsQuerySchema = z.object({ document_id: z.string().min(1).max(255) }).strict();
export const deleteVectorsResponseSchema = z
  .object({ success: z.literal(true), deleted_count: z.number().int() })
  .meta({ id: "DeleteVectorsResponse" });

/** Search options; accepted inside `options` (the spec's form) and at the top level (flat form). */
export const searchOptionsShape = {
  top_k: z.number().int().optional().describe("1–1000, default 10"),
  offset: z.number().int().optional().describe("≥ 0, default 0"),
  threshold: z.number().optional().describe("0–1: minimum component score (alias of min_score)"),
  min_score: z.number().optional().describe("0–1: minimum component score, applied before fusion"),
  max_distance: z.number().optional().describe("≥ 0: maximum vector distance"),
  metric_type: z.string().optional().describe("Per-query metric; another than the dataset's scans exactly"),
  include_content: z.boolean().optional().describe("Default true"),
  include_metadata: z.boolean().optional().describe("Default true"),
  include_embeddings: z.boolean().optional().describe("Default false"),
  filters: z
    .union([jsonObject, z.string()])
    .optional()
    .describe("Simple dict, expression tree or SQL-like string (spec §5.3)"),
  deduplicate: z.boolean().optional().describe("Keep the best record per content_hash"),
  group_by_document: z
    .boolean()
    .optional()
    .describe("Keep the best chunk per document; top_k counts documents"),
  deduplicate_by_document: z.boolean().optional().describe("Alias of group_by_document"),
  ef_search: z.number().int().optional().describe("HNSW: raised to at least top_k"),
  nprobe: z.number().int().optional().describe("IVF: accepted, unused (ivf datasets scan exactly)"),
  rerank: z.boolean().optional().describe("Accepted, unused"),
  language: z.string().optional().describe("ISO 639-1 language of query_text for lexical matching"),
};

export const searchOptionsSchema = z.object(searchOptionsShape).meta({ id: "SearchOptions" });
export type SearchOptions = z.infer<typeof searchOptionsSchema>;

export const searchRequestSchema = z
  .object({
    query_vector: z.array(z.number()).optional().describe("1–10000 values"),
    query_text: z.string().optional().describe("1–10000 characters"),
    options: searchOptionsSchema.optional(),
    ...searchOptionsShape,
    vector_weight: z.number().optional().describe("Hybrid: 0–1, default 0.5; sums with text_weight to 1"),
    text_weight: z.number().optional().describe("Hybrid: 0–1, default 0.5"),
    fusion_method: z
      .string()
      .optional()
      .describe(
        "Hybrid: weighted_sum (default), reciprocal_rank_fusion, comb_sum, comb_mnz, borda_count " +
          "(or rrf, weighted, combsum, combmnz, borda)",
      ),
    fusion: z.string().optional().describe("Alias of fusion_method"),
    rrf_k: z.number().int().optional().describe("Hybrid RRF constant, default 60"),
  })
  .meta({ id: "SearchRequest" });
export type SearchRequest = z.infer<typeof searchRequestSchema>;

const componentSchema = z.object({ vector: z.number().nullable(), text: z.number().nullable() });

export const searchResultItemSchema = z
  .object({
    vector: vectorResponseSchema,
    score: z.number(),
    distance: z
      .number()
      .nullable()
      .describe("Vector distance; 1 − score for lexical hits; null if text-only"),
    rank: z.number().int(),
    explanation: z.record(z.string(), z.string()),
    scores: componentSchema.optional().describe("Hybrid: each retriever's score"),
    ranks: componentSchema.optional().describe("Hybrid: each retriever's 1-based rank"),
  })
  .meta({ id: "SearchResultItem" });
export type SearchResultItem = z.infer<typeof searchResultItemSchema>;

export const searchStatsSchema = z
  .object({
    vectors_scanned: z.number().int(),
    index_hits: z.number().int(),
    filtered_results: z.number().int(),
    reranking_time_ms: z.number(),
    database_time_ms: z.number(),
    post_processing_time_ms: z.number(),
    search: z.string().describe("hnsw, exact, fulltext or hybrid"),
    vector_results: z.number().int().optional(),
    text_results: z.number().int().optional(),
    fused_results: z.number().int().optional(),
    vector_error: z.string().optional().describe("Hybrid: why the vector retriever gave nothing"),
    text_error: z.string().optional().describe("Hybrid: why the text retriever gave nothing"),
  })
  .meta({ id: "SearchStats" });
export type SearchStats = z.infer<typeof searchStatsSchema>;

export const searchResponseSchema = z
  .object({
    results: z.array(searchResultItemSchema),
    total_found: z.number().int().describe("Matches after filters and thresholds, before top_k"),
    has_more: z.boolean(),
    query_time_ms: z.number(),
    took_ms: z.number(),
    embedding_time_ms: z.number(),
    stats: searchStatsSchema,
  })
  .meta({ id: "SearchResponse" });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
