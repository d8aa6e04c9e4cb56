import type { SqlTx } from "../../../platform/sql/index.js";
import { lockNotebooks } from "../documents/notebook-counters.js";
import { softDeleteNotebookDocuments } from "../documents/soft-delete-documents.js";

/**
 * Soft-deletes these notebooks and every live document in them (one `document.deleted` each);
 * their counters drop to zero with their documents. The caller holds the space's tree lock and
 * passes whole subtrees. Returns how many documents were deleted.
 */
export async function softDeleteNotebooks(
  tx: SqlTx,
  notebookIds: readonly string[],
  actorUserId: string | null,
): Promise<number> {
  if (notebookIds.length === 0) return 0;
  await lockNotebooks(tx, notebookIds);
  const documents = await softDeleteNotebookDocuments(tx, { notebookIds, actorUserId });
  await tx.query(
    `UPDATE notebooks SET status = 'deleted', deleted_at = now(), updated_at = now(),
       document_count = 0, total_size_bytes = 0
     WHERE id = ANY($1::uuid[])`,
    [notebookIds],
  );
  return documents;
}
