import type { RetrievalDeps } from "../deps.js";
import { deleteOtherGenerations, pinDatasetModel } from "./pin-dataset-model.js";
import { ReembeddingFailure, type ReembeddingRun, ReembeddingSuperseded } from "./reembedding-run.js";
import { isRunning, parseReembeddingState } from "./reembedding-state.js";
import { countRecordsWithoutContent, hasStaleRecords } from "./stale-records.js";

/** `stale`: records changed since the last pass; copy them and try again. */
export type SwitchOutcome = "switched" | "stale";

/**
 * The atomic switch, in one transaction with the dataset row locked (writers of the dataset's
 * model check it under a share lock, see `requireCurrentModel`): if every record of the searchable
 * generation has a current copy, the new generation becomes the searchable one with the target
 * model, dimensions and index configuration, and the old generation's rows go.
 */
export async function switchGeneration(
  deps: Pick<RetrievalDeps, "sql">,
  run: ReembeddingRun,
): Promise<SwitchOutcome> {
  return deps.sql.withTenant(run.tenantId, async (tx) => {
    const [locked] = await tx.query<{ generation: number; reembedding: unknown }>(
      `SELECT d.generation, d.reembedding FROM vector_datasets d
        WHERE d.tenant_id = $1 AND d.id = $2 AND d.deleted_at IS NULL FOR UPDATE`,
      [run.tenantId, run.source.id],
    );
    const state = parseReembeddingState(locked?.reembedding);
    if (
      !locked ||
      locked.generation !== run.source.generation ||
      !state ||
      !isRunning(state) ||
      state.generation !== run.target.generation
    ) {
      throw new ReembeddingSuperseded();
    }
    const withoutContent = await countRecordsWithoutContent(tx, run);
    if (withoutContent > 0) throw new ReembeddingFailure(withoutContentMessage(run, withoutContent));
    if (await hasStaleRecords(tx, run)) return "stale";
    // Records deleted during the run (a deleted or re-chunked document) leave copies behind.
    await tx.query(
      `DELETE FROM dataset_vectors n
        WHERE n.tenant_id = $1 AND n.dataset_id = $2 AND n.generation = $4
          AND NOT EXISTS (SELECT 1 FROM dataset_vectors s
                           WHERE s.tenant_id = n.tenant_id AND s.dataset_id = n.dataset_id
                             AND s.generation = $3 AND s.id = n.id)`,
      [run.tenantId, run.source.id, run.source.generation, run.target.generation],
    );
    await pinDatasetModel(tx, run.source, {
      model: run.target.embedding_model,
      dimensions: run.target.dimensions,
      indexConfig: run.target.index_config as Record<string, number>,
      generation: run.target.generation,
      rebuilt: true,
    });
    await deleteOtherGenerations(tx, run.source, run.target.generation);
    return "switched";
  });
}

/** Why a dataset with vector-only records cannot change model (spec: a new model needs the text). */
export function withoutContentMessage(run: ReembeddingRun, count: number): string {
  return (
    `${count} record(s) of dataset '${run.source.name}' have no content: changing the model re-embeds ` +
    `each record's text, so records stored as vectors only cannot move to ${run.target.embedding_model}. ` +
    "Store them again with their content, or delete them, and change the model again"
  );
}
