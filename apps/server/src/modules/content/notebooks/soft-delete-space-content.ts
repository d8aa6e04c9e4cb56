import type { SqlTx } from "../../../platform/sql/index.js";
import { lockNotebookTree } from "./notebook-tree.js";
import { softDeleteNotebooks } from "./soft-delete-notebooks.js";

/**
 * Soft-deletes every notebook and document of a space (tas-identity-content §2.2: deleting a space
 * soft-deletes its content), with a `document.deleted` per document so ingestion purges objects
 * and chunks. For a `space.deleted` consumer, in a transaction of the space's tenant. Idempotent.
 */
export async function softDeleteSpaceContent(
  tx: SqlTx,
  target: { spaceId: string },
): Promise<{ notebooks: number; documents: number }> {
  await lockNotebookTree(tx, target.spaceId);
  const rows = await tx.query<{ id: string }>(
    "SELECT id FROM notebooks WHERE space_id = $1 AND deleted_at IS NULL",
    [target.spaceId],
  );
  const ids = rows.map((row) => row.id);
  const documents = await softDeleteNotebooks(tx, ids, null);
  return { notebooks: ids.length, documents };
}
