import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type ContentCaller, canSeeNotebook } from "../access.js";
import { type NotebookRow, notebookColumns } from "./notebook-row.js";

/**
 * A live notebook of the caller's space that the caller may see, or 404: a notebook of another
 * space, another tenant (RLS) or someone else's private one does not exist for this caller.
 */
export async function loadVisibleNotebook(
  tx: SqlTx,
  caller: ContentCaller,
  notebookId: string,
  options: { lock?: boolean } = {},
): Promise<NotebookRow> {
  const notebook = await findVisibleNotebook(tx, caller, notebookId, options);
  if (!notebook) throw notebookNotFound(notebookId);
  return notebook;
}

export async function findVisibleNotebook(
  tx: SqlTx,
  caller: ContentCaller,
  notebookId: string,
  options: { lock?: boolean } = {},
): Promise<NotebookRow | null> {
  const [notebook] = await tx.query<NotebookRow>(
    `SELECT ${notebookColumns} FROM notebooks n
     WHERE n.id = $1 AND n.space_id = $2 AND n.deleted_at IS NULL${options.lock ? " FOR UPDATE" : ""}`,
    [notebookId, caller.space.spaceId],
  );
  return notebook && canSeeNotebook(caller, notebook) ? notebook : null;
}

export function notebookNotFound(notebookId: string): AppError {
  return new AppError("NOT_FOUND", `Notebook ${notebookId} not found`);
}
