import type { Document } from "@tributary/contracts";
import { type ContentCaller, requireContentAccess } from "../access.js";
import type { ContentDeps } from "../deps.js";
import { toDocumentResponse } from "./document-row.js";
import { loadVisibleDocument } from "./load-document.js";

/** `GET /documents/{id}`: every metadata field of a document the caller may see. */
export async function getDocumentForCaller(
  deps: ContentDeps,
  caller: ContentCaller,
  id: string,
): Promise<Document> {
  requireContentAccess(caller, "read");
  return deps.sql.withTenant(caller.space.tenantId, async (tx) =>
    toDocumentResponse(await loadVisibleDocument(tx, caller, id)),
  );
}
