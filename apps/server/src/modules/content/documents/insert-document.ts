import type { DocumentFormat, ProcessingTier } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { sanitizeFileName } from "../sanitize-file-name.js";
import { type DocumentRow, documentColumns } from "./document-row.js";

export interface InsertDocumentInput {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly notebookId: string;
  readonly ownerId: string;
  /** Sanitized with `sanitizeFileName` (applied again here; it is idempotent). */
  readonly name: string;
  readonly originalName: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly format: DocumentFormat;
  readonly mimeType: string;
  readonly sizeBytes: number;
  readonly checksumSha256: string;
  readonly checksumMd5: string;
  readonly storageKey: string;
  readonly status: "uploading" | "processing";
  readonly duplicateOf: string | null;
  readonly processingTier: ProcessingTier | null;
}

/**
 * Inserts a document and adds it to its notebook's counters in the caller's transaction (the
 * notebook row is locked first, the order every content write follows). The notebook must be
 * live and active in `spaceId`, else NOT_FOUND. Appends no event: the uploader does.
 */
export async function insertDocument(tx: SqlTx, input: InsertDocumentInput): Promise<DocumentRow> {
  const [notebook] = await tx.query<{ id: string }>(
    `UPDATE notebooks SET document_count = document_count + 1, total_size_bytes = total_size_bytes + $3,
       updated_at = now()
     WHERE id = $1 AND space_id = $2 AND status = 'active' AND deleted_at IS NULL RETURNING id`,
    [input.notebookId, input.spaceId, input.sizeBytes],
  );
  if (!notebook) throw new AppError("NOT_FOUND", `Notebook ${input.notebookId} not found`);
  const [row] = await tx.query<DocumentRow>(
    `INSERT INTO documents AS d (id, tenant_id, space_id, notebook_id, owner_id, name, original_name, description,
       tags, format, mime_type, size_bytes, checksum_sha256, checksum_md5, storage_key, status, duplicate_of,
       processing_tier, processing_started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       CASE WHEN $16 = 'processing' THEN now() END)
     RETURNING ${documentColumns}`,
    [
      input.id,
      input.tenantId,
      input.spaceId,
      input.notebookId,
      input.ownerId,
      sanitizeFileName(input.name),
      input.originalName,
      input.description,
      [...input.tags],
      input.format,
      input.mimeType,
      input.sizeBytes,
      input.checksumSha256,
      input.checksumMd5,
      input.storageKey,
      input.status,
      input.duplicateOf,
      input.processingTier,
    ],
  );
  if (!row) throw new Error("document insert returned no row");
  return row;
}
