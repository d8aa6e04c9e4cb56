import type { Sql } from "../../../platform/sql/index.js";
import { datasetColumns } from "../store/dataset-row.js";
import type { DatasetRow } from "../store/index.js";
import type { IndexConfigInput } from "../store/index-config.js";
import { resolveIndexConfig } from "../store/index-config.js";
import {
  isRunning,
  parseReembeddingState,
  type ReembeddingState,
  type ReembedPayload,
} from "./reembedding-state.js";

/** One re-embedding as the job sees it: the live dataset and the generation it is building. */
export interface ReembeddingRun {
  readonly tenantId: string;
  /** The dataset as it is searched now (its generation, model and dimensions). */
  readonly source: DatasetRow;
  /** The same dataset as it will be after the switch: target model, dimensions and generation. */
  readonly target: DatasetRow;
  readonly state: ReembeddingState;
}

/** The run was replaced (another model change, a trashed dataset): the job stops without a trace. */
export class ReembeddingSuperseded extends Error {
  constructor(message = "the re-embedding was superseded") {
    super(message);
    this.name = "ReembeddingSuperseded";
  }
}

/** A failure no retry can fix (records without text, a model that is gone): fail the run at once. */
export class ReembeddingFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReembeddingFailure";
  }
}

/** The run the payload names, or null when the dataset no longer waits for it. */
export async function loadReembeddingRun(sql: Sql, payload: ReembedPayload): Promise<ReembeddingRun | null> {
  const row = await sql.withTenant(payload.tenant_id, async (tx) => {
    const [found] = await tx.query<DatasetRow>(
      `SELECT ${datasetColumns} FROM vector_datasets d
        WHERE d.tenant_id = $1 AND d.id = $2 AND d.deleted_at IS NULL`,
      [payload.tenant_id, payload.dataset_id],
    );
    return found;
  });
  const state = parseReembeddingState(row?.reembedding);
  if (!row || !state || !isRunning(state) || state.generation !== payload.generation) return null;
  return { tenantId: payload.tenant_id, source: row, target: targetOf(row, state), state };
}

/** The dataset row as the switch will leave it (index_type is immutable; its config follows the size). */
export function targetOf(source: DatasetRow, state: ReembeddingState): DatasetRow {
  return {
    ...source,
    embedding_model: state.target_model,
    dimensions: state.target_dimensions,
    index_config: targetIndexConfig(source, state.target_dimensions),
    generation: state.generation,
  };
}

export function targetIndexConfig(source: DatasetRow, dimensions: number): Record<string, number> {
  return resolveIndexConfig(source.index_type, source.index_config as IndexConfigInput, dimensions);
}
