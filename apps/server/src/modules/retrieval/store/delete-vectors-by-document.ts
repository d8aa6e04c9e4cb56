import type { SqlTx } from "../../../platform/sql/index.js";

/**
 * Deletes a document's records from every dataset and generation of the tenant (when the
 * document is deleted or re-processed); returns how many rows went. `datasetId` narrows it to one
 * dataset (its uuid).
 */
export async function deleteVectorsByDocument(
  tx: SqlTx,
  tenantId: string,
  documentId: string,
  datasetId?: string,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH gone AS (
       DELETE FROM dataset_vectors v
        WHERE v.tenant_id = $1 AND v.document_id = $2 AND ($3::uuid IS NULL OR v.dataset_id = $3)
        RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    [tenantId, documentId, datasetId ?? null],
  );
  return rows[0]?.n ?? 0;
}
