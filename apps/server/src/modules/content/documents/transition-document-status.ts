import type { DocumentClassification, DocumentStatus, SensitivityLevel } from "@tributary/contracts";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type DocumentRow, documentColumns } from "./document-row.js";
import { allowedSources, illegalTransition } from "./document-status-machine.js";
import { documentNotFound, softDeleteDocument } from "./soft-delete-documents.js";

/** What processing records on a document; any subset may accompany a transition. */
export interface ProcessingResultFields {
  readonly language: string | null;
  readonly languageConfidence: number | null;
  readonly piiSummary: Record<string, unknown> | null;
  readonly sensitivityLevel: SensitivityLevel | null;
  readonly complianceFlags: readonly string[];
  readonly classification: DocumentClassification | null;
  readonly schemaInfo: Record<string, unknown> | null;
  readonly pageCount: number | null;
  readonly chunkCount: number;
  readonly processingTimeMs: number | null;
  readonly error: string | null;
  readonly processingStartedAt: Date | null;
  readonly processedAt: Date | null;
}

type Field = keyof ProcessingResultFields;

/** Each field's column and how its value is sent (JSON columns as text, cast in SQL). */
const columns: Record<Field, { column: string; cast: string; json?: true }> = {
  language: { column: "language", cast: "text" },
  languageConfidence: { column: "language_confidence", cast: "real" },
  piiSummary: { column: "pii_summary", cast: "jsonb", json: true },
  sensitivityLevel: { column: "sensitivity_level", cast: "text" },
  complianceFlags: { column: "compliance_flags", cast: "text[]" },
  classification: { column: "classification", cast: "jsonb", json: true },
  schemaInfo: { column: "schema_info", cast: "jsonb", json: true },
  pageCount: { column: "page_count", cast: "int" },
  chunkCount: { column: "chunk_count", cast: "int" },
  processingTimeMs: { column: "processing_time_ms", cast: "int" },
  error: { column: "error", cast: "text" },
  processingStartedAt: { column: "processing_started_at", cast: "timestamptz" },
  processedAt: { column: "processed_at", cast: "timestamptz" },
};

/**
 * Moves a document along the status machine (see document-status-machine.ts) and records the
 * given processing results with it, as one compare-and-set: of two racing transitions from the
 * same status only one wins, the other gets CONFLICT. Entering `processing` stamps
 * `processing_started_at` and clears `error`, entering `processed` stamps `processed_at`, unless
 * the patch sets them. Entering `deleted` also takes the document off its notebook's counters
 * and appends `document.deleted`. NOT_FOUND when the document does not exist or is deleted.
 */
export async function transitionDocumentStatus(
  tx: SqlTx,
  id: string,
  to: DocumentStatus,
  patch: Partial<ProcessingResultFields> = {},
): Promise<DocumentRow> {
  const from = allowedSources(to);
  if (to === "deleted") {
    await softDeleteDocument(tx, { id, actorUserId: null, from });
    if (Object.keys(patch).length === 0) return requireRow(await selectRow(tx, id), id);
  }
  // After a deletion above the status has already moved: the patch then lands on the deleted row.
  const params: unknown[] = [id, to];
  const sources = to === "deleted" ? "d.status = 'deleted'" : `d.status = ANY($${params.push(from)}::text[])`;
  const assignments = ["status = $2", "updated_at = now()"];
  for (const [field, value] of Object.entries(patch) as Array<[Field, unknown]>) {
    if (value === undefined) continue;
    const spec = columns[field];
    params.push(spec.json && value !== null ? JSON.stringify(value) : value);
    assignments.push(`${spec.column} = $${params.length}::${spec.cast}`);
  }
  if (to === "processing") {
    if (patch.processingStartedAt === undefined) assignments.push("processing_started_at = now()");
    if (patch.error === undefined) assignments.push("error = NULL");
  }
  if (to === "processed" && patch.processedAt === undefined) assignments.push("processed_at = now()");
  const [row] = await tx.query<DocumentRow>(
    `UPDATE documents AS d SET ${assignments.join(", ")}
     WHERE d.id = $1 AND ${sources} RETURNING ${documentColumns}`,
    params,
  );
  if (row) return row;
  const current = await selectRow(tx, id);
  if (!current || current.status === "deleted") throw documentNotFound(id);
  throw illegalTransition(id, current.status, to);
}

async function selectRow(tx: SqlTx, id: string): Promise<DocumentRow | null> {
  const [row] = await tx.query<DocumentRow>(`SELECT ${documentColumns} FROM documents d WHERE d.id = $1`, [
    id,
  ]);
  return row ?? null;
}

function requireRow(row: DocumentRow | null, id: string): DocumentRow {
  if (!row) throw documentNotFound(id);
  return row;
}
