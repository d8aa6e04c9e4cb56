import type { SqlTx } from "../../../platform/sql/index.js";

/**
 * Locks notebooks in id order: every content write locks notebook rows before document rows and
 * in this order, so concurrent moves, deletes and cascades cannot deadlock.
 */
export async function lockNotebooks(tx: SqlTx, notebookIds: readonly string[]): Promise<void> {
  await tx.query("SELECT id FROM notebooks WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE", [
    [...new Set(notebookIds)],
  ]);
}

/**
 * Adds to a notebook's counters in place: the row lock this UPDATE takes makes concurrent changes
 * queue, so the counters stay exact (§6 D2). They count documents whose status is not `deleted`.
 */
export async function adjustNotebookCounters(
  tx: SqlTx,
  notebookId: string,
  change: { documents: number; bytes: number },
): Promise<void> {
  await tx.query(
    `UPDATE notebooks SET document_count = document_count + $2, total_size_bytes = total_size_bytes + $3,
       updated_at = now()
     WHERE id = $1`,
    [notebookId, change.documents, change.bytes],
  );
}
