import type { AssistantConversation } from "@tributary/contracts";
import { decodeCursor, type Page, toPage, uuidKey } from "../../../platform/pagination/index.js";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";
import { type ConversationRow, conversationColumns, toConversation } from "./conversation-rows.js";

/** The caller's conversations in the space, newest first. */
export async function listConversations(
  deps: AssistantDeps,
  caller: ContentCaller,
  query: { readonly limit: number; readonly cursor?: string | undefined },
): Promise<Page<AssistantConversation>> {
  requireContentAccess(caller, "read");
  const after = decodeCursor(query.cursor, [uuidKey])?.[0] ?? null;
  const rows = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query<ConversationRow>(
      `SELECT ${conversationColumns} FROM assistant_conversations
       WHERE tenant_id = $1 AND space_id = $2 AND user_id = $3::uuid AND ($4::uuid IS NULL OR id < $4::uuid)
       ORDER BY id DESC LIMIT $5`,
      [caller.space.tenantId, caller.space.spaceId, caller.principal.userId, after, query.limit + 1],
    ),
  );
  return toPage(rows, query.limit, (row) => [row.id], toConversation);
}
