import { type ContentCaller, requireContentAccess, requireNotebookOwnerOrManager } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { loadVisibleNotebook } from "./load-notebook.js";
import { lockNotebookTree, subtreeOf } from "./notebook-tree.js";
import { softDeleteNotebooks } from "./soft-delete-notebooks.js";

export interface DeletedNotebooks {
  readonly notebooks: number;
  readonly documents: number;
}

/**
 * Soft-deletes a notebook, its descendants and their documents in one transaction (the owner or a
 * space manager). Every document deleted gets a `document.deleted` event, so ingestion removes
 * its stored object and chunks; the notebooks' counters drop to zero with them.
 */
export async function deleteNotebook(
  deps: ContentDeps,
  caller: ContentCaller,
  notebookId: string,
): Promise<DeletedNotebooks> {
  requireContentAccess(caller, "write");
  const result = await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await lockNotebookTree(tx, caller.space.spaceId);
    const notebook = await loadVisibleNotebook(tx, caller, notebookId);
    requireNotebookOwnerOrManager(caller, notebook, "delete");
    const ids = (await subtreeOf(tx, notebook.id)).map((node) => node.id);
    const documents = await softDeleteNotebooks(tx, ids, caller.principal.userId);
    return { notebooks: ids.length, documents };
  });
  if (result.documents > 0) deps.notifyEvents();
  return result;
}
