import type { VectorResponse } from "@tributary/contracts";
import { isoMicros } from "./sql-time.js";

/** A `dataset_vectors` record as the store reads it (`embedding`, `content`, `metadata` only when asked). */
export interface VectorRow {
  readonly id: string;
  readonly tenant_id: string;
  readonly document_id: string;
  readonly chunk_id: string | null;
  readonly content?: string | null;
  readonly content_hash: string | null;
  readonly content_type: string;
  readonly language: string | null;
  readonly chunk_index: number | null;
  readonly chunk_count: number | null;
  readonly model: string | null;
  readonly metadata?: Record<string, unknown>;
  readonly embedding?: string;
  readonly dimensions: number;
  readonly created_at: string;
  readonly updated_at: string;
}

export interface VectorFields {
  readonly content: boolean;
  readonly metadata: boolean;
  readonly values: boolean;
}

export const allVectorFields: VectorFields = { content: true, metadata: true, values: true };

/** The columns of `VectorRow` for a query that aliases `dataset_vectors` as `v`. */
export function vectorColumns(fields: VectorFields): string {
  return [
    "v.id, v.tenant_id, v.document_id, v.chunk_id, v.content_hash, v.content_type, v.language",
    "v.chunk_index, v.chunk_count, v.model, vector_dims(v.embedding) AS dimensions",
    `${isoMicros("v.created_at")} AS created_at, ${isoMicros("v.updated_at")} AS updated_at`,
    ...(fields.content ? ["v.content"] : []),
    ...(fields.metadata ? ["v.metadata"] : []),
    ...(fields.values ? ["v.embedding::text AS embedding"] : []),
  ].join(", ");
}

/** Spec §2 VectorResponse: metadata as an object, `tenant_id` beside it, `dimensions` = len(values). */
export function toVectorResponse(row: VectorRow, datasetName: string, fields: VectorFields): VectorResponse {
  return {
    id: row.id,
    dataset_id: datasetName,
    document_id: row.document_id,
    chunk_id: row.chunk_id,
    ...(fields.values && row.embedding !== undefined
      ? { values: JSON.parse(row.embedding) as number[] }
      : {}),
    ...(fields.content ? { content: row.content ?? null } : {}),
    content_hash: row.content_hash,
    ...(fields.metadata ? { metadata: row.metadata ?? {} } : {}),
    content_type: row.content_type,
    language: row.language,
    chunk_index: row.chunk_index,
    chunk_count: row.chunk_count,
    model: row.model,
    dimensions: row.dimensions,
    created_at: row.created_at,
    updated_at: row.updated_at,
    tenant_id: row.tenant_id,
  };
}
