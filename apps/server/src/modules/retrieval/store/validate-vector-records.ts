import { createHash, randomUUID } from "node:crypto";
import type { VectorCreate } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { DatasetRow } from "./dataset-row.js";
import { isUuid } from "./uuid.js";

/** A record ready for `dataset_vectors`: defaults filled in, hot metadata promoted to columns. */
export interface VectorRecord {
  readonly id: string;
  readonly document_id: string;
  readonly chunk_id: string | null;
  /** Checked: the dataset's dimensions, finite numbers. */
  readonly values: readonly number[];
  readonly content: string | null;
  readonly content_hash: string | null;
  readonly content_type: string;
  readonly language: string;
  readonly chunk_index: number | null;
  readonly chunk_count: number | null;
  readonly model: string;
  readonly metadata: Record<string, unknown>;
  readonly space_id: string | null;
  readonly notebook_id: string | null;
}

export const maxContentChars = 10_000;
const maxMetadataBytes = 64 * 1024;
const hashPattern = /^[0-9a-f]{64}$/i;
const mimePattern = /^[\w.+-]+\/[\w.+-]+$/;
const languagePattern = /^[a-z]{2}$/;

function invalid(index: number, field: string, message: string): AppError {
  return new AppError("VALIDATION_ERROR", `vectors[${index}].${field}: ${message}`, {
    details: { field: `vectors[${index}].${field}`, index },
  });
}

/** Code points, as PostgreSQL's char_length counts them. */
function charLength(text: string): number {
  return text.length <= maxContentChars ? text.length : Array.from(text).length;
}

/**
 * Checks every record of a batch against the dataset (spec §2 rules, requirement 10) before any is
 * written, so a bad record rejects the whole call rather than leaving part of it stored.
 */
export function validateVectorRecords(records: readonly VectorCreate[], dataset: DatasetRow): VectorRecord[] {
  return records.map((record, index) => validateVectorRecord(record, index, dataset));
}

function validateVectorRecord(record: VectorCreate, index: number, dataset: DatasetRow): VectorRecord {
  if (record.values.length !== dataset.dimensions) {
    throw new AppError(
      "INVALID_VECTOR_DIMENSIONS",
      `vectors[${index}] has ${record.values.length} dimensions; dataset '${dataset.name}' expects ${dataset.dimensions}`,
      {
        details: {
          provided_dimensions: record.values.length,
          expected_dimensions: dataset.dimensions,
          dataset_id: dataset.name,
          index,
        },
      },
    );
  }
  const badValue = record.values.findIndex((value) => typeof value !== "number" || !Number.isFinite(value));
  if (badValue >= 0)
    throw invalid(index, `values[${badValue}]`, "must be a finite number (no NaN or Infinity)");
  if (record.id !== undefined && !isUuid(record.id)) throw invalid(index, "id", "must be a UUID");
  if (record.document_id.length === 0 || record.document_id.length > 255) {
    throw invalid(index, "document_id", "must be 1-255 characters");
  }
  const content = record.content ?? null;
  if (content !== null && charLength(content) > maxContentChars) {
    throw invalid(index, "content", `must be at most ${maxContentChars} characters`);
  }
  if (record.content_hash !== undefined && !hashPattern.test(record.content_hash)) {
    throw invalid(index, "content_hash", "must be 64 hexadecimal characters (sha256, no prefix)");
  }
  checkChunkPosition(record, index);
  const contentType = record.content_type ?? "text/plain";
  if (!mimePattern.test(contentType))
    throw invalid(index, "content_type", "must be a MIME type such as text/plain");
  const language = (record.language ?? "en").toLowerCase();
  if (!languagePattern.test(language))
    throw invalid(index, "language", "must be an ISO 639-1 code such as en");
  if (record.model !== undefined && record.model !== dataset.embedding_model) {
    throw invalid(index, "model", `must be the dataset's embedding model ${dataset.embedding_model}`);
  }
  const metadata = ownedMetadata(record.metadata ?? {}, index, dataset.tenant_id);
  return {
    id: (record.id ?? randomUUID()).toLowerCase(),
    document_id: record.document_id,
    chunk_id: record.chunk_id ?? null,
    values: record.values,
    content,
    content_hash:
      record.content_hash?.toLowerCase() ??
      (content === null ? null : createHash("sha256").update(content, "utf8").digest("hex")),
    content_type: contentType,
    language,
    chunk_index: record.chunk_index ?? null,
    chunk_count: record.chunk_count ?? null,
    model: dataset.embedding_model,
    metadata,
    space_id: typeof metadata.space_id === "string" ? metadata.space_id.toLowerCase() : null,
    notebook_id: typeof metadata.notebook_id === "string" ? metadata.notebook_id : null,
  };
}

function checkChunkPosition(record: VectorCreate, index: number): void {
  const { chunk_index: position, chunk_count: count } = record;
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw invalid(index, "chunk_count", "must be an integer of at least 1");
  }
  if (position !== undefined && (!Number.isInteger(position) || position < 0)) {
    throw invalid(index, "chunk_index", "must be an integer of at least 0");
  }
  if (position !== undefined && count !== undefined && position >= count) {
    throw invalid(index, "chunk_index", `must be below chunk_count (${count})`);
  }
}

/** G21 and business rule 3: the record belongs to the caller's tenant, whatever the client sent. */
function ownedMetadata(
  metadata: Record<string, unknown>,
  index: number,
  tenantId: string,
): Record<string, unknown> {
  if (metadata.tenant_id !== undefined && metadata.tenant_id !== tenantId) {
    throw new AppError("FORBIDDEN", `vectors[${index}].metadata.tenant_id is not your tenant`, {
      details: { field: `vectors[${index}].metadata.tenant_id`, index },
    });
  }
  const owned = { ...metadata, tenant_id: tenantId };
  if (Buffer.byteLength(JSON.stringify(owned), "utf8") > maxMetadataBytes) {
    throw invalid(index, "metadata", `must serialise to at most ${maxMetadataBytes} bytes of JSON`);
  }
  return owned;
}
