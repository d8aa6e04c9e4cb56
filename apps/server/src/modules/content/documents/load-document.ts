import type { SqlTx } from "../../../platform/sql/index.js";
import { type ContentCaller, canSeeNotebook } from "../access.js";
import { type DocumentRow, documentColumns } from "./document-row.js";
import { documentNotFound } from "./soft-delete-documents.js";

export type VisibleDocument = DocumentRow & { notebook_owner_id: string; notebook_visibility: string };

/** A live document of the caller's space in a notebook the caller may see, or 404. */
export async function loadVisibleDocument(
  tx: SqlTx,
  caller: ContentCaller,
  id: string,
): Promise<VisibleDocument> {
  const [row] = await tx.query<VisibleDocument>(
    `SELECT ${documentColumns}, n.owner_id AS notebook_owner_id, n.visibility AS notebook_visibility
     FROM documents d JOIN notebooks n ON n.id = d.notebook_id
     WHERE d.id = $1 AND d.space_id = $2 AND d.deleted_at IS NULL`,
    [id, caller.space.spaceId],
  );
  if (
    !row ||
    !canSeeNotebook(caller, { owner_id: row.notebook_owner_id, visibility: row.notebook_visibility })
  ) {
    throw documentNotFound(id);
  }
  return row;
}
