import type { SqlTx } from "../../../platform/sql/index.js";
import { type DatasetRow, type DatasetSize, emptyDatasetSize } from "./dataset-row.js";

/** Record count and stored bytes of each dataset's searchable generation, by dataset uuid. */
export async function datasetSizes(
  tx: SqlTx,
  tenantId: string,
  datasets: readonly Pick<DatasetRow, "id" | "generation">[],
): Promise<Map<string, DatasetSize>> {
  const sizes = new Map<string, DatasetSize>(datasets.map((dataset) => [dataset.id, emptyDatasetSize]));
  if (datasets.length === 0) return sizes;
  const rows = await tx.query<{ dataset_id: string; vector_count: number; storage_size: number }>(
    `SELECT v.dataset_id, count(*)::int AS vector_count, coalesce(sum(pg_column_size(v.*)), 0)::bigint AS storage_size
       FROM dataset_vectors v
       JOIN unnest($2::uuid[], $3::int[]) AS d(id, generation) ON v.dataset_id = d.id AND v.generation = d.generation
      WHERE v.tenant_id = $1
      GROUP BY v.dataset_id`,
    [tenantId, datasets.map((dataset) => dataset.id), datasets.map((dataset) => dataset.generation)],
  );
  for (const row of rows) {
    sizes.set(row.dataset_id, { vector_count: row.vector_count, storage_size: Number(row.storage_size) });
  }
  return sizes;
}

export async function datasetSize(
  tx: SqlTx,
  tenantId: string,
  dataset: Pick<DatasetRow, "id" | "generation">,
): Promise<DatasetSize> {
  return (await datasetSizes(tx, tenantId, [dataset])).get(dataset.id) ?? emptyDatasetSize;
}
