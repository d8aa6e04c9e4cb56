import type { AssistantConversation } from "@tributary/contracts";
import { uuidv7 } from "uuidv7";
import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";
import { type ConversationRow, conversationColumns, toConversation, untitled } from "./conversation-rows.js";

/** Starts a conversation of the caller in the space; its first question titles it unless named. */
export async function createConversation(
  deps: AssistantDeps,
  caller: ContentCaller,
  input: { readonly title?: string | undefined },
): Promise<AssistantConversation> {
  requireContentAccess(caller, "read");
  const [row] = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    tx.query<ConversationRow>(
      `INSERT INTO assistant_conversations (id, tenant_id, space_id, user_id, title)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${conversationColumns}`,
      [
        uuidv7(),
        caller.space.tenantId,
        caller.space.spaceId,
        caller.principal.userId,
        input.title ?? untitled,
      ],
    ),
  );
  if (!row) throw new Error("conversation insert returned no row");
  return toConversation(row);
}
