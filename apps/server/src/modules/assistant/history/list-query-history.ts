import type { QueryHistoryEntry } from "@tributary/contracts";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";
import { type HistoryRow, historyColumns, toHistoryEntry } from "./history-row.js";

/** The caller's own questions and answers in the space, newest first (ids are UUIDv7: time order). */
export async function listQueryHistory(
  deps: AssistantDeps,
  caller: ContentCaller,
  query: { readonly limit: number; readonly cursor?: string | undefined },
): Promise<Page<QueryHistoryEntry>> {
  requireContentAccess(caller, "read");
  const after = decodeCursor(query.cursor, [uuidKey])?.[0] ?? null;
  const rows = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query<HistoryRow>(
      `SELECT ${historyColumns} FROM assistant_query_history
       WHERE tenant_id = $1 AND space_id = $2 AND user_id = $3::uuid AND ($4::uuid IS NULL OR id < $4::uuid)
       ORDER BY id DESC LIMIT $5`,
      [caller.space.tenantId, caller.space.spaceId, caller.principal.userId, after, query.limit + 1],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.id], toHistoryEntry);
}
