import { AppError } from "../../../platform/errors/index.js";
import { type ContentCaller, managesSpaceContent, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { loadVisibleDocument } from "./load-document.js";
import { softDeleteDocument } from "./soft-delete-documents.js";

/**
 * Soft-deletes a document in any live status (status `deleted`, `deleted_at`), takes it off its
 * notebook's counters and appends `document.deleted`, so ingestion removes its object and chunks.
 * The document's owner, the notebook's owner, or a space owner or admin (§3.5).
 */
export async function deleteDocument(deps: ContentDeps, caller: ContentCaller, id: string): Promise<void> {
  requireContentAccess(caller, "write");
  await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const document = await loadVisibleDocument(tx, caller, id);
    const userId = caller.principal.userId;
    if (
      document.owner_id !== userId &&
      document.notebook_owner_id !== userId &&
      !managesSpaceContent(caller)
    ) {
      throw new AppError(
        "FORBIDDEN",
        "Only the document's owner, the notebook's owner or a space owner or admin may delete it",
        { details: { action: "document.delete", role: caller.space.role } },
      );
    }
    await softDeleteDocument(tx, { id, actorUserId: userId });
  });
  deps.notifyEvents();
}
