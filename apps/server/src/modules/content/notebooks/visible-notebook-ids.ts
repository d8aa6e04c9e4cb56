import type { SqlTx } from "../../../platform/sql/index.js";
import { type ContentCaller, managesSpaceContent } from "../access.js";

/**
 * The live notebooks of the caller's space that the caller may read (the same rule as
 * `canSeeNotebook`, in SQL). Retrieval puts them inside its search query, before ranking.
 */
export async function visibleNotebookIds(tx: SqlTx, caller: ContentCaller): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT id FROM notebooks
     WHERE space_id = $1 AND deleted_at IS NULL
       AND ($3::boolean OR visibility <> 'private' OR owner_id = $2)`,
    [caller.space.spaceId, caller.principal.userId, managesSpaceContent(caller)],
  );
  return rows.map((row) => row.id);
}

/** Of the given documents, those still live in the caller's space (a deleted one's vectors go asynchronously). */
export async function liveDocumentIds(
  tx: SqlTx,
  spaceId: string,
  documentIds: readonly string[],
): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await tx.query<{ id: string }>(
    "SELECT id::text AS id FROM documents WHERE space_id = $1 AND id::text = ANY($2::text[]) AND deleted_at IS NULL",
    [spaceId, documentIds],
  );
  return new Set(rows.map((row) => row.id));
}
