import type { RetrievalDeps } from "../deps.js";
import { deleteVectorsByDocument } from "./delete-vectors-by-document.js";
import { requireDataset } from "./find-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";

/** `DELETE /api/v1/datasets/{dataset_id}/vectors?document_id=…`: a document's records in one dataset. */
export async function deleteDocumentVectors(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  datasetName: string,
  documentId: string,
): Promise<{ success: true; deleted_count: number }> {
  requireRetrievalAccess(caller, "write");
  const tenantId = tenantOf(caller);
  return deps.sql.withTenant(tenantId, async (tx) => {
    const dataset = await requireDataset(tx, tenantId, datasetName, deps.embeddings.defaultModel);
    const deleted = await deleteVectorsByDocument(tx, tenantId, documentId, dataset.id);
    return { success: true, deleted_count: deleted };
  });
}
