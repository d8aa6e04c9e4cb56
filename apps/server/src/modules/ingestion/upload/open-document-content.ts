import type { Readable } from "node:stream";
import { type ContentCaller, loadVisibleDocument, requireContentAccess } from "../../content/index.js";
import type { IngestionDeps } from "../ingestion-deps.js";

/** The original file of a document the caller may see, as a stream from object storage. */
export async function openDocumentContent(
  deps: IngestionDeps,
  caller: ContentCaller,
  documentId: string,
): Promise<{ body: Readable; size: number; contentType: string; name: string }> {
  requireContentAccess(caller, "read");
  const document = await deps.sql.withTenant(caller.space.tenantId, (tx) =>
    loadVisibleDocument(tx, caller, documentId),
  );
  const object = await deps.objects.get(document.storage_key);
  return { body: object.body, size: object.size, contentType: document.mime_type, name: document.name };
}
