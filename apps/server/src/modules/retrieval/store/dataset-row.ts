import type { DatasetResponse, IndexType, MetricType } from "@tributary/contracts";
import { toReembeddingView } from "../reembedding/reembedding-state.js";
import { isoMicros } from "./sql-time.js";

/** A `vector_datasets` row as the store reads it (timestamps already formatted). */
export interface DatasetRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly name: string;
  readonly description: string;
  readonly dimensions: number;
  readonly metric_type: MetricType;
  readonly index_type: IndexType;
  readonly index_config: Record<string, unknown>;
  readonly embedding_model: string;
  readonly metadata: Record<string, unknown>;
  /** The searchable generation of records (a re-embedding writes the next one). */
  readonly generation: number;
  readonly reembedding: Record<string, unknown> | null;
  readonly last_rebuild_at: string | null;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The columns of `DatasetRow`, for a query that aliases `vector_datasets` as `d`. */
export const datasetColumns = `d.id, d.tenant_id, d.name, d.description, d.dimensions, d.metric_type,
  d.index_type, d.index_config, d.embedding_model, d.metadata, d.generation, d.reembedding,
  ${isoMicros("d.last_rebuild_at")} AS last_rebuild_at, ${isoMicros("d.created_at")} AS created_at,
  ${isoMicros("d.updated_at")} AS updated_at`;

/** What a dataset holds, counted over its searchable generation. */
export interface DatasetSize {
  readonly vector_count: number;
  readonly storage_size: number;
}

export const emptyDatasetSize: DatasetSize = { vector_count: 0, storage_size: 0 };

/** `tenants/{tenant_id}/{name}` (spec §4, G17): where the dataset lives in the DeepLake layout. */
export function storageLocation(row: Pick<DatasetRow, "tenant_id" | "name">): string {
  return `tenants/${row.tenant_id}/${row.name}`;
}

export function toDatasetResponse(row: DatasetRow, size: DatasetSize): DatasetResponse {
  return {
    id: row.name,
    name: row.name,
    description: row.description,
    dimensions: row.dimensions,
    metric_type: row.metric_type,
    index_type: row.index_type,
    index_config: row.index_config,
    metadata: row.metadata,
    embedding_model: row.embedding_model,
    storage_location: storageLocation(row),
    vector_count: size.vector_count,
    storage_size: size.storage_size,
    created_at: row.created_at,
    updated_at: row.updated_at,
    tenant_id: row.tenant_id,
    reembedding: toReembeddingView(row.reembedding),
  };
}

/** Whether searches of this dataset may use its HNSW index (`ivf`, `flat`, `default` scan exactly). */
export function usesHnsw(row: Pick<DatasetRow, "index_type">): boolean {
  return row.index_type === "hnsw";
}
