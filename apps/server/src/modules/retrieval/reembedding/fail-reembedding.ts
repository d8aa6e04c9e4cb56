import type { RetrievalDeps } from "../deps.js";
import { dropDatasetIndex } from "../store/index.js";
import type { ReembeddingRun } from "./reembedding-run.js";

/**
 * Ends a run for good: `reembedding.error` says why (GET shows it as `failed`), the dataset keeps
 * its model and searchable generation, and the half-built generation and its index go. Another
 * model change starts over.
 */
export async function failReembedding(
  deps: Pick<RetrievalDeps, "sql">,
  run: ReembeddingRun,
  message: string,
): Promise<void> {
  const recorded = await deps.sql.withTenant(run.tenantId, async (tx) => {
    const rows = await tx.query(
      `UPDATE vector_datasets d
          SET reembedding = d.reembedding || jsonb_build_object('error', $3::text)
        WHERE d.tenant_id = $1 AND d.id = $2 AND d.generation <> $4
          AND (d.reembedding->>'generation')::int = $4 AND d.reembedding->>'error' IS NULL
        RETURNING d.id`,
      [run.tenantId, run.source.id, message, run.target.generation],
    );
    // Only while the run is still the dataset's: its generation is then neither live nor reused.
    if (rows.length === 0) return false;
    await tx.query(
      "DELETE FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation = $3",
      [run.tenantId, run.source.id, run.target.generation],
    );
    return true;
  });
  if (recorded) await dropDatasetIndex(deps.sql, run.target);
}
