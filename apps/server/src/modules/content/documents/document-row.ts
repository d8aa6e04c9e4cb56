import type {
  Document,
  DocumentClassification,
  DocumentFormat,
  DocumentStatus,
  ProcessingTier,
  SensitivityLevel,
} from "@tributary/contracts";

/** A `documents` row as SQL returns it (timestamps as Dates, bigint as number). */
export interface DocumentRow {
  id: string;
  tenant_id: string;
  space_id: string;
  notebook_id: string;
  owner_id: string;
  name: string;
  original_name: string;
  description: string;
  tags: string[];
  format: DocumentFormat;
  mime_type: string;
  size_bytes: number;
  checksum_sha256: string;
  checksum_md5: string;
  storage_key: string;
  status: DocumentStatus;
  duplicate_of: string | null;
  processing_tier: ProcessingTier | null;
  language: string | null;
  language_confidence: number | null;
  pii_summary: Record<string, unknown> | null;
  sensitivity_level: SensitivityLevel | null;
  compliance_flags: string[];
  classification: DocumentClassification | null;
  schema_info: Record<string, unknown> | null;
  page_count: number | null;
  chunk_count: number;
  processing_time_ms: number | null;
  error: string | null;
  processing_started_at: Date | null;
  processed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export const documentColumns = [
  "id",
  "tenant_id",
  "space_id",
  "notebook_id",
  "owner_id",
  "name",
  "original_name",
  "description",
  "tags",
  "format",
  "mime_type",
  "size_bytes",
  "checksum_sha256",
  "checksum_md5",
  "storage_key",
  "status",
  "duplicate_of",
  "processing_tier",
  "language",
  "language_confidence",
  "pii_summary",
  "sensitivity_level",
  "compliance_flags",
  "classification",
  "schema_info",
  "page_count",
  "chunk_count",
  "processing_time_ms",
  "error",
  "processing_started_at",
  "processed_at",
  "created_at",
  "updated_at",
  "deleted_at",
]
  .map((column) => `d.${column}`)
  .join(", ");

/** The API shape of a document: every metadata field, never its storage key. */
export function toDocumentResponse(row: DocumentRow): Document {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    space_id: row.space_id,
    notebook_id: row.notebook_id,
    owner_id: row.owner_id,
    name: row.name,
    original_name: row.original_name,
    description: row.description,
    tags: row.tags,
    format: row.format,
    mime_type: row.mime_type,
    size_bytes: row.size_bytes,
    checksum_sha256: row.checksum_sha256,
    checksum_md5: row.checksum_md5,
    status: row.status,
    duplicate_of: row.duplicate_of,
    processing_tier: row.processing_tier,
    language: row.language,
    language_confidence: row.language_confidence,
    pii_summary: row.pii_summary,
    sensitivity_level: row.sensitivity_level,
    compliance_flags: row.compliance_flags,
    classification: row.classification,
    schema_info: row.schema_info,
    page_count: row.page_count,
    chunk_count: row.chunk_count,
    processing_time_ms: row.processing_time_ms,
    error: row.error,
    processing_started_at: row.processing_started_at?.toISOString() ?? null,
    processed_at: row.processed_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
