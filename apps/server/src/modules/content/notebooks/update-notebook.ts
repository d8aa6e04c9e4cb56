import type { Notebook, UpdateNotebookRequest } from "@tributary/contracts";
import type { SqlTx } from "../../../platform/sql/index.js";
import {
  type ContentCaller,
  requireContentAccess,
  requireMayPublish,
  requireNotebookOwnerOrManager,
} from "../access.js";
import type { ContentDeps } from "../deps.js";
import { loadVisibleNotebook } from "./load-notebook.js";
import { withNameRule } from "./notebook-name-conflict.js";
import { type NotebookRow, notebookColumns, toNotebook } from "./notebook-row.js";
import { lockNotebookTree, maxNotebookDepth, subtreeOf, tooDeep, treeError } from "./notebook-tree.js";
import { resolveParent } from "./resolve-parent.js";

/**
 * Name, description, visibility, tags, and place in the tree (`parent_id`; null: top level).
 * The owner or a space manager; a move never builds a cycle or a tree deeper than five levels.
 */
export async function updateNotebook(
  deps: ContentDeps,
  caller: ContentCaller,
  notebookId: string,
  changes: UpdateNotebookRequest,
): Promise<Notebook> {
  requireContentAccess(caller, "write");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    // The tree lock comes before any row lock (see lockNotebookTree), so it is taken for every update.
    await lockNotebookTree(tx, caller.space.spaceId);
    const notebook = await loadVisibleNotebook(tx, caller, notebookId, { lock: true });
    requireNotebookOwnerOrManager(caller, notebook, "change");
    if (changes.visibility === "public" && notebook.visibility !== "public") requireMayPublish(caller);
    const parentId =
      changes.parent_id === undefined
        ? notebook.parent_id
        : await checkedParent(tx, caller, notebook, changes.parent_id);
    const name = changes.name ?? notebook.name;
    const [row] = await withNameRule(name, () =>
      tx.query<NotebookRow>(
        `UPDATE notebooks AS n SET name = $2, description = $3, visibility = $4, tags = $5, parent_id = $6,
           updated_at = now()
         WHERE n.id = $1 RETURNING ${notebookColumns}`,
        [
          notebook.id,
          name,
          changes.description ?? notebook.description,
          changes.visibility ?? notebook.visibility,
          changes.tags ?? notebook.tags,
          parentId,
        ],
      ),
    );
    if (!row) throw new Error("notebook disappeared while updating");
    return toNotebook(row);
  });
}

/** The new parent of a move, refusing a move into itself or below itself, and over-deep trees. */
async function checkedParent(
  tx: SqlTx,
  caller: ContentCaller,
  notebook: NotebookRow,
  parentId: string | null,
): Promise<string | null> {
  if (parentId === null) return null;
  const subtree = await subtreeOf(tx, notebook.id);
  const height = Math.max(...subtree.map((node) => node.level));
  if (subtree.some((node) => node.id === parentId)) {
    throw treeError(
      "cycle",
      "Circular notebook hierarchy detected: a notebook cannot move into itself or its descendants",
    );
  }
  const parent = await resolveParent(tx, caller, parentId);
  if (parent.depth + height > maxNotebookDepth) throw tooDeep();
  return parent.id;
}
