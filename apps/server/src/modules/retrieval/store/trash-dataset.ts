import type { SqlTx } from "../../../platform/sql/index.js";
import type { DatasetRow } from "./dataset-row.js";
import { isoMicros } from "./sql-time.js";

/**
 * Soft delete (spec §4, G38): the dataset leaves lists, lookups and searches and its name is free
 * again; its records stay in the trash (purging them is a retention job's work). Returns when.
 */
export async function trashDataset(
  tx: SqlTx,
  tenantId: string,
  dataset: Pick<DatasetRow, "id">,
): Promise<string> {
  const [row] = await tx.query<{ deleted_at: string }>(
    `UPDATE vector_datasets d SET deleted_at = now(), updated_at = now()
      WHERE d.tenant_id = $1 AND d.id = $2 AND d.deleted_at IS NULL
      RETURNING ${isoMicros("d.deleted_at")} AS deleted_at`,
    [tenantId, dataset.id],
  );
  return row?.deleted_at ?? new Date().toISOString();
}
