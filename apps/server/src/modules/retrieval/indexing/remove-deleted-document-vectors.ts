import type { EventHandler } from "../../../platform/events/index.js";
import { deleteVectorsByDocument } from "../store/index.js";

/** `document.deleted` consumer: removes the document's vectors from every dataset of its tenant. */
export function removeDeletedDocumentVectors(): EventHandler {
  return async (event, ctx) => {
    const documentId = (event.data as { document_id?: unknown }).document_id;
    const tenantId = event.metadata.tenant_id;
    if (typeof documentId !== "string" || typeof tenantId !== "string") return;
    // The consumer's transaction is a system one; vectors are visible under their tenant only.
    await ctx.tx.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    await deleteVectorsByDocument(ctx.tx, tenantId, documentId);
  };
}
