import type { DatasetStats } from "@tributary/contracts";
import { assertNever } from "../../../platform/errors/index.js";
import type { RetrievalDeps } from "../deps.js";
import type { EmbeddingService } from "../embeddings/embedding-port.js";
import { hnswIndexName } from "./dataset-index.js";
import { type DatasetRow, toDatasetResponse, usesHnsw } from "./dataset-row.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";
import { isoMicros } from "./sql-time.js";

interface StatsRow {
  vector_count: number;
  storage_size: number;
  unique_documents: number;
  unique_chunks: number;
  languages: Record<string, number>;
  content_types: Record<string, number>;
  last_updated: string | null;
  index_bytes: number;
}

/** Spec §4 stats (G17: `content_types` inside `metadata_stats`), plus the model serving the dataset. */
export async function getDatasetStats(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  name: string,
): Promise<DatasetStats> {
  requireRetrievalAccess(caller, "read");
  const tenantId = tenantOf(caller);
  return deps.sql.withTenant(tenantId, async (tx) => {
    const dataset = await requireDataset(tx, tenantId, name, deps.embeddings.defaultModel);
    const scope = "FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation = $3";
    const [stats] = await tx.query<StatsRow>(
      `SELECT count(*)::int AS vector_count,
              coalesce(sum(pg_column_size(v.*)), 0)::bigint AS storage_size,
              count(DISTINCT v.document_id)::int AS unique_documents,
              count(DISTINCT coalesce(v.chunk_id, v.id::text))::int AS unique_chunks,
              ${isoMicros("max(v.updated_at)")} AS last_updated,
              (SELECT coalesce(jsonb_object_agg(s.k, s.n), '{}'::jsonb) FROM
                 (SELECT coalesce(v.language, 'unknown') AS k, count(*)::int AS n ${scope} GROUP BY 1) s) AS languages,
              (SELECT coalesce(jsonb_object_agg(s.k, s.n), '{}'::jsonb) FROM
                 (SELECT v.content_type AS k, count(*)::int AS n ${scope} GROUP BY 1) s) AS content_types,
              coalesce(pg_relation_size(to_regclass($4)), 0)::bigint AS index_bytes
         ${scope}`,
      [tenantId, dataset.id, dataset.generation, hnswIndexName(dataset)],
    );
    if (!stats) throw new Error("stats query returned no row");
    const size = { vector_count: stats.vector_count, storage_size: Number(stats.storage_size) };
    return {
      dataset: toDatasetResponse(dataset, size),
      ...size,
      metadata_stats: {
        unique_documents: stats.unique_documents,
        unique_chunks: stats.unique_chunks,
        languages: stats.languages,
        content_types: stats.content_types,
      },
      index_stats: indexStats(dataset, Number(stats.index_bytes)),
      embedding_model: modelStats(deps.embeddings, dataset),
      last_updated: stats.last_updated,
      last_rebuild_at: dataset.last_rebuild_at,
    };
  });
}

function indexStats(dataset: DatasetRow, indexBytes: number): DatasetStats["index_stats"] {
  const base = {
    index_type: dataset.index_type,
    build_time_seconds: null,
    memory_usage_bytes: usesHnsw(dataset) ? indexBytes : 0,
    parameters: dataset.index_config,
  };
  switch (dataset.index_type) {
    case "hnsw":
      return { ...base, search: "hnsw" };
    case "default":
    case "flat":
      return { ...base, search: "exact", note: "Exact scan: 100% recall" };
    case "ivf":
      return {
        ...base,
        search: "exact",
        note: "ivf datasets are served by an exact scan (100% recall); nlist and nprobe are kept for the record",
      };
    default:
      return assertNever(dataset.index_type);
  }
}

function modelStats(embeddings: EmbeddingService, dataset: DatasetRow): DatasetStats["embedding_model"] {
  const model = embeddings.describe(dataset.embedding_model);
  if (!model) {
    return {
      name: dataset.embedding_model,
      provider: null,
      dimensions: dataset.dimensions,
      fallback: false,
      available: false,
    };
  }
  return {
    name: model.name,
    provider: model.provider,
    dimensions: model.dimensions,
    fallback: model.fallback,
    available: true,
  };
}
