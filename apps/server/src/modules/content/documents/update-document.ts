import type { Document, UpdateDocumentRequest } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type ContentCaller, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { findVisibleNotebook } from "../notebooks/load-notebook.js";
import { sanitizeFileName } from "../sanitize-file-name.js";
import { type DocumentRow, documentColumns, toDocumentResponse } from "./document-row.js";
import { loadVisibleDocument, type VisibleDocument } from "./load-document.js";
import { adjustNotebookCounters, lockNotebooks } from "./notebook-counters.js";

/**
 * Renames (sanitized like an upload), re-describes, re-tags, or moves a document to another
 * notebook of the same space; a move shifts both notebooks' counters in the same transaction.
 */
export async function updateDocument(
  deps: ContentDeps,
  caller: ContentCaller,
  id: string,
  changes: UpdateDocumentRequest,
): Promise<Document> {
  requireContentAccess(caller, "write");
  const row = await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const document = await loadVisibleDocument(tx, caller, id);
    const target = changes.notebook_id ?? document.notebook_id;
    if (target !== document.notebook_id) await lockMoveTarget(tx, caller, document, target);
    const [updated] = await tx.query<DocumentRow>(
      `UPDATE documents AS d SET name = $3, description = $4, tags = $5, notebook_id = $6, updated_at = now()
       WHERE d.id = $1 AND d.notebook_id = $2 AND d.deleted_at IS NULL RETURNING ${documentColumns}`,
      [
        id,
        document.notebook_id,
        changes.name === undefined ? document.name : sanitizeFileName(changes.name),
        changes.description ?? document.description,
        changes.tags ?? document.tags,
        target,
      ],
    );
    if (!updated) {
      throw new AppError("CONFLICT", `Document ${id} changed while it was being updated; try again`, {
        details: { document_id: id },
      });
    }
    if (target !== document.notebook_id) {
      await adjustNotebookCounters(tx, document.notebook_id, { documents: -1, bytes: -updated.size_bytes });
      await adjustNotebookCounters(tx, target, { documents: 1, bytes: updated.size_bytes });
    }
    await appendEvent(tx, {
      type: "document.updated",
      source: "content",
      data: { document_id: id, notebook_id: target, fields: Object.keys(changes) },
      metadata: {
        tenant_id: updated.tenant_id,
        space_id: updated.space_id,
        user_id: caller.principal.userId,
      },
    });
    return updated;
  });
  deps.notifyEvents();
  return toDocumentResponse(row);
}

/** The destination must be a live, active notebook of the space the caller may see. */
async function lockMoveTarget(
  tx: SqlTx,
  caller: ContentCaller,
  document: VisibleDocument,
  targetId: string,
): Promise<void> {
  await lockNotebooks(tx, [document.notebook_id, targetId]);
  const target = await findVisibleNotebook(tx, caller, targetId);
  if (target?.status !== "active") {
    throw new AppError("VALIDATION_ERROR", "Target notebook not found or access denied", {
      details: { field: "notebook_id", reason: "notebook_not_found" },
    });
  }
}
