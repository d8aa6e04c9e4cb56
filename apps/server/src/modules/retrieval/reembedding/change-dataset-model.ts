import { AppError } from "../../../platform/errors/index.js";
import type { Sql, SqlTx } from "../../../platform/sql/index.js";
import type { RetrievalDeps } from "../deps.js";
import type { EmbeddingModelInfo, EmbeddingService } from "../embeddings/embedding-port.js";
import { datasetColumns } from "../store/dataset-row.js";
import { checkDimensions, invalidDatasetConfig } from "../store/dataset-rules.js";
import { type DatasetRow, dropDatasetIndex, ensureDatasetIndex } from "../store/index.js";
import { deleteOtherGenerations, pinDatasetModel } from "./pin-dataset-model.js";
import { targetIndexConfig } from "./reembedding-run.js";
import { isRunning, parseReembeddingState, type ReembeddingState } from "./reembedding-state.js";
import { startReembedding } from "./start-reembedding.js";

/** What remains after the transaction commits: index DDL runs as the owner, outside it. */
export interface ModelChange {
  afterCommit(sql: Sql): Promise<void>;
}

const nothingAfter: ModelChange = { afterCommit: async () => {} };

/**
 * PATCH `embedding_model` (G14: one model per dataset, its dimensions follow): an empty dataset
 * switches at once; one with records starts a background re-embedding into a new generation and
 * keeps serving the current one until the switch. Refused while another change runs, without a
 * job queue, or when records have no text to re-embed.
 */
export async function changeDatasetModel(
  tx: SqlTx,
  deps: Pick<RetrievalDeps, "embeddings" | "jobs">,
  current: DatasetRow,
  requested: { readonly model: string; readonly dimensions?: number | undefined },
): Promise<ModelChange> {
  const target = knownModel(deps.embeddings, requested.model);
  checkDimensions(target.dimensions);
  if (requested.dimensions !== undefined && requested.dimensions !== target.dimensions) {
    throw invalidDatasetConfig(
      "dimensions",
      requested.dimensions,
      String(target.dimensions),
      `Dimensions ${requested.dimensions} do not match ${target.name}, which has ${target.dimensions}`,
    );
  }
  const indexConfig = targetIndexConfig(current, target.dimensions);
  // Read again under the lock: concurrent changes of one dataset's model queue up here.
  const [dataset] = await tx.query<DatasetRow>(
    `SELECT ${datasetColumns} FROM vector_datasets d WHERE d.tenant_id = $1 AND d.id = $2 FOR UPDATE`,
    [current.tenant_id, current.id],
  );
  if (!dataset) throw new Error("dataset vanished under its lock");
  if (dataset.embedding_model === target.name) return nothingAfter;
  const previous = parseReembeddingState(dataset.reembedding);
  if (previous && isRunning(previous)) {
    if (previous.target_model === target.name) return nothingAfter;
    throw changeRunning(dataset, previous, target.name);
  }
  // Generations are never reused, so a failed run's index name cannot clash with the next one's.
  const next = Math.max(dataset.generation, previous?.generation ?? 0) + 1;
  const dropPrevious = async (sql: Sql) => {
    if (previous && previous.generation !== dataset.generation) {
      await dropDatasetIndex(sql, dataset, previous.generation);
    }
  };
  const held = await countRecords(tx, dataset);
  if (held.records === 0) {
    const switched = await switchAtOnce(tx, dataset, target, indexConfig, next);
    return {
      async afterCommit(sql) {
        await dropPrevious(sql);
        await switched.afterCommit(sql);
      },
    };
  }
  if (!deps.jobs) throw needsReembedding(dataset, target.name, "this instance runs no re-embedding jobs");
  if (held.without_content > 0) {
    throw needsReembedding(
      dataset,
      target.name,
      `${held.without_content} of its records have no content, and a new model re-embeds each record's text; store them with their content or delete them first`,
    );
  }
  await startReembedding(tx, deps.jobs, dataset, target, { generation: next, total: held.records });
  return { afterCommit: dropPrevious };
}

/** An empty dataset has nothing to re-embed: it is pinned to the target at once. */
async function switchAtOnce(
  tx: SqlTx,
  dataset: DatasetRow,
  target: EmbeddingModelInfo,
  indexConfig: Record<string, number>,
  next: number,
): Promise<ModelChange> {
  // Other dimensions need another index (and its name): the dataset moves to a new generation.
  const generation = target.dimensions === dataset.dimensions ? dataset.generation : next;
  await deleteOtherGenerations(tx, dataset, dataset.generation);
  await pinDatasetModel(tx, dataset, {
    model: target.name,
    dimensions: target.dimensions,
    indexConfig,
    generation,
    rebuilt: false,
  });
  if (generation === dataset.generation) return nothingAfter;
  return {
    async afterCommit(sql) {
      await dropDatasetIndex(sql, dataset);
      await ensureDatasetIndex(sql, {
        ...dataset,
        dimensions: target.dimensions,
        index_config: indexConfig,
        generation,
      });
    },
  };
}

function knownModel(embeddings: EmbeddingService, name: string): EmbeddingModelInfo {
  const model = embeddings.describe(name);
  if (model) return model;
  const available = embeddings.models().map((known) => known.name);
  throw invalidDatasetConfig("embedding_model", name, available.join(", "));
}

async function countRecords(tx: SqlTx, dataset: DatasetRow) {
  const [row] = await tx.query<{ records: number; without_content: number }>(
    `SELECT count(*)::int AS records, count(*) FILTER (WHERE v.content IS NULL)::int AS without_content
       FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation = $3`,
    [dataset.tenant_id, dataset.id, dataset.generation],
  );
  return row ?? { records: 0, without_content: 0 };
}

function changeRunning(current: DatasetRow, running: ReembeddingState, requested: string): AppError {
  return new AppError(
    "CONFLICT",
    `Dataset '${current.name}' is being re-embedded with ${running.target_model} (${running.done} of ${running.total} records); change its model again once that finishes`,
    {
      details: {
        dataset_id: current.name,
        embedding_model: current.embedding_model,
        reembedding_model: running.target_model,
        requested_model: requested,
      },
    },
  );
}

function needsReembedding(current: DatasetRow, requested: string, why: string): AppError {
  return new AppError(
    "CONFLICT",
    `Dataset '${current.name}' holds vectors of ${current.embedding_model}: changing its model needs a re-embedding, and ${why}`,
    {
      details: {
        dataset_id: current.name,
        embedding_model: current.embedding_model,
        requested_model: requested,
      },
    },
  );
}
