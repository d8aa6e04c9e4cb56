import { type ContentCaller, canSeeNotebook, requireContentAccess } from "../access.js";
import { notebookNotFound } from "../notebooks/load-notebook.js";

/**
 * Whether the caller may add documents to a notebook (tas-identity-content §3.5 "create"): a space
 * member or above with `documents:write`, in a notebook they may see (their own, a shared or public
 * one, or any as a space owner or admin). A notebook they may not see answers 404.
 */
export function requireMayAddDocuments(
  caller: ContentCaller,
  notebook: { readonly id: string; readonly ownerId: string; readonly visibility: string },
): void {
  if (!canSeeNotebook(caller, { owner_id: notebook.ownerId, visibility: notebook.visibility })) {
    throw notebookNotFound(notebook.id);
  }
  requireContentAccess(caller, "write");
}
