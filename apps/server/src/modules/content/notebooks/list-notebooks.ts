import type { Notebook, NotebookListQuery } from "@tributary/contracts";
import { type Page, toPage } from "../../../platform/pagination/index.js";
import { type ContentCaller, managesSpaceContent, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { afterCursorCondition, cursorTimestamp, decodeListCursor } from "../list-cursor.js";
import { searchCondition, searchFilter } from "../search-filter.js";
import { type NotebookRow, notebookColumns, toNotebook } from "./notebook-row.js";

/** The space's notebooks the caller may see, newest first; `parent_id` narrows to one level. */
export async function listNotebooks(
  deps: ContentDeps,
  caller: ContentCaller,
  query: NotebookListQuery,
): Promise<Page<Notebook>> {
  requireContentAccess(caller, "read");
  const after = decodeListCursor(query.cursor);
  const search = searchFilter(query.q);
  const rootOnly = query.parent_id === "root";
  const parentId = query.parent_id === undefined || rootOnly ? null : query.parent_id;
  const rows = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query<NotebookRow & { cursor_ts: string }>(
      `SELECT ${notebookColumns}, ${cursorTimestamp("n")} FROM notebooks n
       WHERE n.space_id = $1 AND n.deleted_at IS NULL
         AND (n.visibility <> 'private' OR n.owner_id = $2::uuid OR $3::boolean)
         AND (NOT $4::boolean OR n.parent_id IS NULL)
         AND ($5::uuid IS NULL OR n.parent_id = $5::uuid)
         AND ${searchCondition("n", 6, 7)}
         AND ${afterCursorCondition("n", 8, 9)}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $10`,
      [
        caller.space.spaceId,
        caller.principal.userId,
        managesSpaceContent(caller),
        rootOnly,
        parentId,
        search.tsquery,
        search.pattern,
        after.at,
        after.id,
        query.limit + 1,
      ],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.cursor_ts, row.id], toNotebook);
}
