import type { DatasetResponse, DatasetStats } from "@tributary/contracts";

/** Datasets and stats as the API answers them, for the component tests. */
export const productDocs: DatasetResponse = {
  id: "product-docs",
  name: "product-docs",
  description: "Manuals",
  dimensions: 384,
  metric_type: "cosine",
  index_type: "hnsw",
  index_config: { m: 16, ef_construction: 200, ef_search: 50 },
  metadata: {},
  embedding_model: "all-MiniLM-L6-v2",
  storage_location: "tenants/tenant_1/product-docs",
  vector_count: 1200,
  storage_size: 2_400_000,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-02T10:00:00Z",
  tenant_id: "tenant_1",
  reembedding: null,
};

export function reembedding(
  done: number,
  total: number,
  overrides: Partial<NonNullable<DatasetResponse["reembedding"]>> = {},
): NonNullable<DatasetResponse["reembedding"]> {
  return {
    status: "running",
    target_model: "text-embedding-3-small",
    target_dimensions: 1536,
    done,
    total,
    percent: Math.floor((done / total) * 1000) / 10,
    started_at: "2026-03-03T10:00:00Z",
    error: null,
    ...overrides,
  };
}

export const productDocsStats: DatasetStats = {
  dataset: productDocs,
  vector_count: 1200,
  storage_size: 2_400_000,
  metadata_stats: {
    unique_documents: 12,
    unique_chunks: 1200,
    languages: { en: 1100, de: 100 },
    content_types: { "text/plain": 1200 },
  },
  index_stats: {
    index_type: "hnsw",
    search: "hnsw",
    build_time_seconds: null,
    memory_usage_bytes: 1_048_576,
    parameters: { m: 16 },
  },
  embedding_model: {
    name: "all-MiniLM-L6-v2",
    provider: "onnx",
    dimensions: 384,
    fallback: false,
    available: true,
  },
  last_updated: "2026-03-02T10:00:00Z",
  last_rebuild_at: null,
};
