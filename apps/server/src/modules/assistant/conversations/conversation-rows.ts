import type {
  AssistantCitation,
  AssistantConversation,
  AssistantMessage,
  AssistantMode,
  AssistantRetrieval,
  AssistantUsage,
} from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { ContentCaller } from "../../content/index.js";

/** The title a conversation has until its first question names it. */
export const untitled = "New conversation";

export interface ConversationRow {
  id: string;
  space_id: string;
  title: string;
  message_count: number;
  created_at: Date;
  updated_at: Date;
}

export const conversationColumns = "id, space_id, title, message_count, created_at, updated_at";

export function toConversation(row: ConversationRow): AssistantConversation {
  return { ...row, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() };
}

export interface MessageRow {
  id: string;
  role: "user" | "assistant";
  content: string;
  standalone_question: string | null;
  mode: AssistantMode | null;
  grounded: boolean | null;
  citations: AssistantCitation[];
  warnings: string[];
  model: string | null;
  usage: AssistantUsage | null;
  retrieval: AssistantRetrieval | null;
  created_at: Date;
}

export const messageColumns =
  "id, role, content, standalone_question, mode, grounded, citations, warnings, model, usage, retrieval, created_at";

export function toMessage(row: MessageRow): AssistantMessage {
  return { ...row, created_at: row.created_at.toISOString() };
}

/**
 * The caller's own conversation in the space (locked with `forUpdate`); another user's, even a
 * space admin's view of it, is not found: conversations are private to whoever started them.
 */
export async function loadOwnConversation(
  tx: SqlTx,
  caller: ContentCaller,
  id: string,
  forUpdate = false,
): Promise<ConversationRow> {
  const [row] = await tx.query<ConversationRow>(
    `SELECT ${conversationColumns} FROM assistant_conversations
     WHERE id = $1::uuid AND tenant_id = $2 AND space_id = $3 AND user_id = $4::uuid${forUpdate ? " FOR UPDATE" : ""}`,
    [id, caller.space.tenantId, caller.space.spaceId, caller.principal.userId],
  );
  if (!row) throw new AppError("NOT_FOUND", `Conversation ${id} not found`);
  return row;
}
