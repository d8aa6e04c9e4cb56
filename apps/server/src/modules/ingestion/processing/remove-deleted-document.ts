import type { EventHandler } from "../../../platform/events/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";

/**
 * `document.deleted` consumer: removes the document's chunks (in the event's transaction, so it
 * happens once) and its stored object. Vectors go the same way once retrieval subscribes too.
 */
export function removeDeletedDocument(deps: IngestionDeps): EventHandler {
  return async (event, ctx) => {
    const data = event.data as { document_id?: string; storage_key?: string };
    if (!data.document_id) return;
    // The consumer's transaction is a system one; chunks are visible under their tenant only.
    await ctx.tx.query("SELECT set_config('app.tenant_id', $1, true)", [event.metadata.tenant_id]);
    await ctx.tx.query("DELETE FROM document_chunks WHERE document_id = $1 AND tenant_id = $2", [
      data.document_id,
      event.metadata.tenant_id,
    ]);
    if (data.storage_key) await deps.objects.delete(data.storage_key);
  };
}
