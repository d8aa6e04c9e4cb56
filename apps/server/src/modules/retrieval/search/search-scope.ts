import { compileFilter, type FilterColumn, type FilterNode } from "../filters/index.js";
import { datasetLiterals } from "../store/dataset-index.js";
import type { DatasetRow } from "../store/dataset-row.js";

/**
 * An extra condition inside the ranking query, e.g. a space search's
 * `v.space_id = $n AND v.notebook_id = ANY($m)`: it pushes its values onto `params` and refers to
 * them as `$<index>`, never interpolating them. Columns are those of `dataset_vectors v`.
 */
export type SqlCondition = (params: unknown[]) => string;

/** The record columns a filter field may name after a metadata key (G41). */
export const vectorFilterColumns: Readonly<Record<string, FilterColumn>> = {
  id: { sql: "v.id", type: "uuid" },
  document_id: { sql: "v.document_id", type: "text" },
  chunk_id: { sql: "v.chunk_id", type: "text" },
  content: { sql: "v.content", type: "text" },
  content_type: { sql: "v.content_type", type: "text" },
  language: { sql: "v.language", type: "text" },
  chunk_index: { sql: "v.chunk_index", type: "integer" },
  chunk_count: { sql: "v.chunk_count", type: "integer" },
  model: { sql: "v.model", type: "text" },
  space_id: { sql: "v.space_id", type: "text" },
  notebook_id: { sql: "v.notebook_id", type: "text" },
  content_hash: { sql: "v.content_hash", type: "text" },
  created_at: { sql: "v.created_at", type: "timestamptz" },
  updated_at: { sql: "v.updated_at", type: "timestamptz" },
};

export interface SearchScope {
  readonly tenantId: string;
  readonly dataset: Pick<DatasetRow, "id" | "generation">;
  readonly filter: FilterNode | null;
  readonly extra?: SqlCondition | undefined;
}

/**
 * The WHERE conditions every ranking query starts from: the tenant (explicitly, besides RLS), the
 * dataset and its searchable generation (as literals, so the planner can match the dataset's
 * partial HNSW index), then the client's filter and any extra condition. All of them sit inside the
 * query before ORDER BY … LIMIT: nothing is filtered after ranking (DESIGN §7, G21, G22).
 */
export function scopeConditions(scope: SearchScope, params: unknown[]): string[] {
  const { id, generation } = datasetLiterals(scope.dataset);
  params.push(scope.tenantId);
  const conditions = [
    `v.tenant_id = $${params.length}`,
    `v.dataset_id = '${id}'`,
    `v.generation = ${generation}`,
  ];
  if (scope.filter) conditions.push(`(${compileFilter(scope.filter, vectorFilterColumns, params)})`);
  if (scope.extra) conditions.push(`(${scope.extra(params)})`);
  return conditions;
}
