import type { SqlTx } from "../../../platform/sql/index.js";
import type { ContentCaller } from "../access.js";
import { findVisibleNotebook } from "./load-notebook.js";
import { depthOf, treeError } from "./notebook-tree.js";

/**
 * A parent for a new or moved notebook: live, active, in the caller's space and visible to the
 * caller; otherwise a 400 (§2.3 "Parent notebook not found or access denied"). Returns its depth.
 */
export async function resolveParent(
  tx: SqlTx,
  caller: ContentCaller,
  parentId: string,
): Promise<{ id: string; depth: number }> {
  const parent = await findVisibleNotebook(tx, caller, parentId);
  if (parent?.status !== "active") {
    throw treeError("parent_not_found", "Parent notebook not found or access denied");
  }
  return { id: parent.id, depth: await depthOf(tx, parent.id) };
}
