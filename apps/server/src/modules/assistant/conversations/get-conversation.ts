import type { AssistantConversationDetail } from "@tributary/contracts";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";
import {
  loadOwnConversation,
  type MessageRow,
  messageColumns,
  toConversation,
  toMessage,
} from "./conversation-rows.js";

/** Messages a conversation shows, the most recent ones. */
const messagesShown = 500;

/** One of the caller's conversations with its latest messages, oldest first. */
export async function getConversation(
  deps: AssistantDeps,
  caller: ContentCaller,
  id: string,
): Promise<AssistantConversationDetail> {
  requireContentAccess(caller, "read");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const conversation = await loadOwnConversation(tx, caller, id);
    const rows = await tx.query<MessageRow>(
      `SELECT ${messageColumns} FROM (
         SELECT * FROM assistant_messages WHERE conversation_id = $1::uuid ORDER BY id DESC LIMIT $2
       ) latest ORDER BY id`,
      [id, messagesShown],
    );
    return { ...toConversation(conversation), messages: rows.map(toMessage) };
  });
}
