import { type ContentCaller, requireContentAccess } from "../../content/index.js";
import type { AssistantDeps } from "../deps.js";
import { loadOwnConversation } from "./conversation-rows.js";

/** Deletes one of the caller's conversations with its messages and their query history. */
export async function deleteConversation(
  deps: AssistantDeps,
  caller: ContentCaller,
  id: string,
): Promise<void> {
  requireContentAccess(caller, "read");
  await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    await loadOwnConversation(tx, caller, id, true);
    await tx.query("DELETE FROM assistant_conversations WHERE id = $1::uuid", [id]);
  });
}
