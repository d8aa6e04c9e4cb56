import type { Document, DocumentListQuery } from "@tributary/contracts";
import { type Page, toPage } from "../../../platform/pagination/index.js";
import { type ContentCaller, managesSpaceContent, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { afterCursorCondition, cursorTimestamp, decodeListCursor } from "../list-cursor.js";
import { loadVisibleNotebook } from "../notebooks/load-notebook.js";
import { searchCondition, searchFilter } from "../search-filter.js";
import { type DocumentRow, documentColumns, toDocumentResponse } from "./document-row.js";

/**
 * The space's documents in notebooks the caller may see, newest first. Archived documents are
 * hidden unless asked for by `status=archived` (tas-identity-content §2.4).
 */
export async function listDocuments(
  deps: ContentDeps,
  caller: ContentCaller,
  query: DocumentListQuery,
): Promise<Page<Document>> {
  requireContentAccess(caller, "read");
  const after = decodeListCursor(query.cursor);
  const search = searchFilter(query.q);
  const rows = await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    if (query.notebook_id) await loadVisibleNotebook(tx, caller, query.notebook_id);
    return tx.query<DocumentRow & { cursor_ts: string }>(
      `SELECT ${documentColumns}, ${cursorTimestamp("d")}
       FROM documents d JOIN notebooks n ON n.id = d.notebook_id
       WHERE d.space_id = $1 AND d.deleted_at IS NULL
         AND (n.visibility <> 'private' OR n.owner_id = $2::uuid OR $3::boolean)
         AND ($4::uuid IS NULL OR d.notebook_id = $4::uuid)
         AND (CASE WHEN $5::text IS NULL THEN d.status <> 'archived' ELSE d.status = $5::text END)
         AND ${searchCondition("d", 6, 7)}
         AND ${afterCursorCondition("d", 8, 9)}
       ORDER BY d.created_at DESC, d.id DESC LIMIT $10`,
      [
        caller.space.spaceId,
        caller.principal.userId,
        managesSpaceContent(caller),
        query.notebook_id ?? null,
        query.status ?? null,
        search.tsquery,
        search.pattern,
        after.at,
        after.id,
        query.limit + 1,
      ],
    );
  });
  return toPage(rows, query.limit, (row) => [row.cursor_ts, row.id], toDocumentResponse);
}
