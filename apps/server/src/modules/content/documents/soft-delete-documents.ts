import type { DocumentStatus } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import { appendEvent } from "../../../platform/events/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type DocumentRow, documentColumns } from "./document-row.js";
import { illegalTransition } from "./document-status-machine.js";
import { adjustNotebookCounters, lockNotebooks } from "./notebook-counters.js";

const liveStatuses: readonly DocumentStatus[] = [
  "uploading",
  "processing",
  "processed",
  "failed",
  "archived",
];
/** A concurrent move can change a document's notebook between reading it and locking; retry that. */
const maxAttempts = 3;

/**
 * Marks one document deleted (status, deleted_at), takes it off its notebook's counters and
 * appends `document.deleted`, all in the caller's transaction. `from` limits the statuses it may
 * leave (the status machine); the user's DELETE accepts any live status.
 */
export async function softDeleteDocument(
  tx: SqlTx,
  options: { id: string; actorUserId: string | null; from?: readonly DocumentStatus[] },
): Promise<DocumentRow> {
  const from = options.from ?? liveStatuses;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const [current] = await tx.query<{ notebook_id: string; status: DocumentStatus }>(
      "SELECT notebook_id, status FROM documents WHERE id = $1",
      [options.id],
    );
    if (!current || current.status === "deleted") throw documentNotFound(options.id);
    if (!from.includes(current.status)) throw illegalTransition(options.id, current.status, "deleted");
    await lockNotebooks(tx, [current.notebook_id]);
    const [deleted] = await tx.query<DocumentRow>(
      `UPDATE documents AS d SET status = 'deleted', deleted_at = now(), updated_at = now()
       WHERE d.id = $1 AND d.notebook_id = $2 AND d.status = ANY($3::text[]) RETURNING ${documentColumns}`,
      [options.id, current.notebook_id, from],
    );
    if (!deleted) continue;
    await adjustNotebookCounters(tx, deleted.notebook_id, { documents: -1, bytes: -deleted.size_bytes });
    await appendDocumentDeleted(tx, deleted, options.actorUserId);
    return deleted;
  }
  throw new AppError("CONFLICT", `Document ${options.id} changed while it was being deleted; try again`, {
    details: { document_id: options.id },
  });
}

/**
 * Marks every live document of these notebooks deleted, with one `document.deleted` each. The
 * caller holds the notebooks' row locks and resets their counters. Returns how many.
 */
export async function softDeleteNotebookDocuments(
  tx: SqlTx,
  options: { notebookIds: readonly string[]; actorUserId: string | null },
): Promise<number> {
  const deleted = await tx.query<DocumentRow>(
    `UPDATE documents AS d SET status = 'deleted', deleted_at = now(), updated_at = now()
     WHERE d.notebook_id = ANY($1::uuid[]) AND d.deleted_at IS NULL RETURNING ${documentColumns}`,
    [options.notebookIds],
  );
  for (const row of deleted) await appendDocumentDeleted(tx, row, options.actorUserId);
  return deleted.length;
}

/** Ingestion's consumer removes the stored object and the chunks on this event. */
async function appendDocumentDeleted(tx: SqlTx, row: DocumentRow, actorUserId: string | null): Promise<void> {
  await appendEvent(tx, {
    type: "document.deleted",
    source: "content",
    data: { document_id: row.id, notebook_id: row.notebook_id, storage_key: row.storage_key },
    metadata: {
      tenant_id: row.tenant_id,
      space_id: row.space_id,
      ...(actorUserId ? { user_id: actorUserId } : {}),
    },
  });
}

export function documentNotFound(id: string): AppError {
  return new AppError("NOT_FOUND", `Document ${id} not found`);
}
