import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";

/** Trees deeper than this are refused (tas-identity-content §2.3, §6 N2); a top-level notebook is depth 1. */
export const maxNotebookDepth = 5;

/**
 * Serializes changes to one space's notebook tree (create under a parent, move, delete) for the
 * rest of the transaction, so two concurrent moves cannot build a cycle and a delete cannot miss
 * a child created beside it. Taken before any notebook row lock, always.
 */
export async function lockNotebookTree(tx: SqlTx, spaceId: string): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('content.notebook_tree:' || $1, 0))", [
    spaceId,
  ]);
}

/** The depth of a notebook: 1 at the top level. */
export async function depthOf(tx: SqlTx, notebookId: string): Promise<number> {
  const [row] = await tx.query<{ depth: number }>(
    `WITH RECURSIVE up (id, parent_id, depth) AS (
       SELECT id, parent_id, 1 FROM notebooks WHERE id = $1
       UNION ALL
       SELECT n.id, n.parent_id, up.depth + 1 FROM notebooks n JOIN up ON n.id = up.parent_id
       WHERE up.depth <= $2
     )
     SELECT max(depth)::int AS depth FROM up`,
    [notebookId, maxNotebookDepth + 1],
  );
  return row?.depth ?? 1;
}

/** A live notebook and its live descendants, with the depth of each below it (the notebook: 1). */
export async function subtreeOf(
  tx: SqlTx,
  notebookId: string,
): Promise<Array<{ id: string; level: number }>> {
  return tx.query<{ id: string; level: number }>(
    `WITH RECURSIVE down (id, level) AS (
       SELECT id, 1 FROM notebooks WHERE id = $1 AND deleted_at IS NULL
       UNION ALL
       SELECT n.id, down.level + 1 FROM notebooks n JOIN down ON n.parent_id = down.id
       WHERE n.deleted_at IS NULL AND down.level <= $2
     )
     SELECT id, level FROM down`,
    [notebookId, maxNotebookDepth * 4],
  );
}

export function treeError(reason: "parent_not_found" | "cycle" | "too_deep", message: string): AppError {
  return new AppError("VALIDATION_ERROR", message, { details: { field: "parent_id", reason } });
}

export function tooDeep(): AppError {
  return treeError("too_deep", `Notebooks nest at most ${maxNotebookDepth} levels deep`);
}
