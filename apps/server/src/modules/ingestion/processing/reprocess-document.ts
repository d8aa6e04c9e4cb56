import { appendEvent } from "../../../platform/events/index.js";
import {
  type ContentCaller,
  type DocumentRow,
  loadVisibleDocument,
  requireContentAccess,
  transitionDocumentStatus,
} from "../../content/index.js";
import { eventSource, type IngestionDeps, processingQueue } from "../ingestion-deps.js";
import { priorityOf } from "../upload/processing-tier.js";

/** `POST /documents/{id}/reprocess`: back to `processing` (from processed or failed) with a new job. */
export async function reprocessDocument(
  deps: IngestionDeps,
  caller: ContentCaller,
  id: string,
): Promise<DocumentRow> {
  requireContentAccess(caller, "write");
  const row = await deps.sql.withTenant(caller.space.tenantId, async (tx) => {
    const current = await loadVisibleDocument(tx, caller, id);
    const updated = await transitionDocumentStatus(tx, current.id, "processing", { error: null });
    await deps.jobs.enqueue(
      {
        queue: processingQueue,
        tenantId: caller.space.tenantId,
        priority: priorityOf(updated.processing_tier ?? "tier1"),
        payload: { document_id: id, tenant_id: caller.space.tenantId, session_id: null },
        dedupeKey: `document:${id}`,
      },
      tx,
    );
    await appendEvent(tx, {
      type: "document.updated",
      source: eventSource,
      data: { document_id: id, status: "processing", reprocess: true },
      metadata: {
        tenant_id: caller.space.tenantId,
        space_id: caller.space.spaceId,
        user_id: caller.principal.userId,
      },
    });
    return updated;
  });
  deps.events.notify();
  deps.live.publish({
    type: "document.status",
    tenantId: row.tenant_id,
    spaceId: row.space_id,
    data: { document_id: row.id, notebook_id: row.notebook_id, status: row.status },
  });
  return row;
}
