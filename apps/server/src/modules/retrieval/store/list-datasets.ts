import type { DatasetResponse } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { RetrievalDeps } from "../deps.js";
import { type DatasetRow, datasetColumns, emptyDatasetSize, toDatasetResponse } from "./dataset-row.js";
import { isValidDatasetName } from "./dataset-rules.js";
import { datasetSizes } from "./dataset-size.js";
import { ensureDefaultDataset } from "./ensure-default-dataset.js";
import { type RetrievalCaller, requireRetrievalAccess, tenantOf } from "./retrieval-access.js";

export interface DatasetPage {
  readonly data: DatasetResponse[];
  readonly next_cursor: string | null;
  readonly has_more: boolean;
}

/** The tenant's live datasets by name (the cursor is the last name), `default` created on first use. */
export async function listDatasets(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  caller: RetrievalCaller,
  page: { readonly limit: number; readonly cursor?: string | undefined },
): Promise<DatasetPage> {
  requireRetrievalAccess(caller, "read");
  const tenantId = tenantOf(caller);
  if (page.cursor !== undefined && !isValidDatasetName(page.cursor)) {
    throw new AppError("VALIDATION_ERROR", "The cursor is not one this list returned", {
      details: { field: "cursor" },
    });
  }
  return deps.sql.withTenant(tenantId, async (tx) => {
    await ensureDefaultDataset(tx, tenantId, deps.embeddings.defaultModel);
    const rows = await tx.query<DatasetRow>(
      `SELECT ${datasetColumns} FROM vector_datasets d
        WHERE d.tenant_id = $1 AND d.deleted_at IS NULL AND ($2::text IS NULL OR d.name > $2)
        ORDER BY d.name LIMIT $3`,
      [tenantId, page.cursor ?? null, page.limit + 1],
    );
    const shown = rows.slice(0, page.limit);
    const sizes = await datasetSizes(tx, tenantId, shown);
    const hasMore = rows.length > page.limit;
    return {
      data: shown.map((row) => toDatasetResponse(row, sizes.get(row.id) ?? emptyDatasetSize)),
      next_cursor: hasMore ? (shown.at(-1)?.name ?? null) : null,
      has_more: hasMore,
    };
  });
}
