import {
  type Job,
  type JobContext,
  type JobHandler,
  JobInterruptedError,
} from "../../../platform/jobs/index.js";
import type { RetrievalDeps } from "../deps.js";
import { dropDatasetIndex, ensureDatasetIndex } from "../store/index.js";
import { copyStaleRecords } from "./copy-stale-records.js";
import { failReembedding } from "./fail-reembedding.js";
import {
  loadReembeddingRun,
  ReembeddingFailure,
  type ReembeddingRun,
  ReembeddingSuperseded,
} from "./reembedding-run.js";
import { parseReembedPayload } from "./reembedding-state.js";
import { countCurrentCopies, countRecordsWithoutContent } from "./stale-records.js";
import { switchGeneration, withoutContentMessage } from "./switch-generation.js";

export interface ReembedJobOptions {
  /** Records embedded and written per batch (EMBEDDING_BATCH_SIZE). */
  readonly batchSize: number;
  /** Passes before this attempt gives up on a dataset that keeps changing (the job retries later). */
  readonly maxPasses?: number;
}

type ReembedDeps = Pick<RetrievalDeps, "sql" | "embeddings" | "logger">;

const defaultMaxPasses = 5;

/**
 * The `retrieval.reembed` job: re-embeds a dataset's searchable generation into the next one with
 * the target model, then switches atomically. Searches and the document indexer keep using the
 * current generation meanwhile; records written during the run are copied by a later pass.
 * Idempotent: a retry resumes (current copies are skipped) and a superseded run does nothing. A
 * failure on the last attempt (or one no retry fixes) leaves the dataset as it was, with
 * `reembedding.error` set.
 */
export function reembedDatasetJob(deps: ReembedDeps, options: ReembedJobOptions): JobHandler {
  return async (job: Job, ctx: JobContext) => {
    const run = await loadReembeddingRun(deps.sql, parseReembedPayload(job.payload));
    if (!run) return { skipped: "superseded" };
    try {
      return await reembedDataset(deps, run, ctx.signal, options);
    } catch (error) {
      if (error instanceof ReembeddingSuperseded) return { skipped: "superseded" };
      const cancelled = isCancelled(ctx.signal);
      // Shutdown or a lost lease: the job runs again elsewhere and resumes.
      if (ctx.signal.aborted && !cancelled) throw error;
      const lastTry = cancelled || error instanceof ReembeddingFailure || job.attempts >= job.maxAttempts;
      if (!lastTry) throw error;
      const message = cancelled ? "The re-embedding was cancelled" : failureMessage(error, job);
      await failReembedding(deps, run, message);
      deps.logger.warn(
        { datasetId: run.source.id, tenantId: run.tenantId, targetModel: run.target.embedding_model },
        `re-embedding failed: ${message}`,
      );
      return { failed: message };
    }
  };
}

async function reembedDataset(
  deps: ReembedDeps,
  run: ReembeddingRun,
  signal: AbortSignal,
  options: ReembedJobOptions,
) {
  checkTargetModel(deps, run);
  const withoutContent = await deps.sql.withTenant(run.tenantId, (tx) => countRecordsWithoutContent(tx, run));
  if (withoutContent > 0) throw new ReembeddingFailure(withoutContentMessage(run, withoutContent));
  // Built while the generation is (nearly) empty: writes maintain it, and the switch finds it ready.
  await ensureDatasetIndex(deps.sql, run.target);
  const progress = { done: await deps.sql.withTenant(run.tenantId, (tx) => countCurrentCopies(tx, run)) };
  const maxPasses = options.maxPasses ?? defaultMaxPasses;
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    await copyStaleRecords(deps, run, progress, { batchSize: options.batchSize, signal });
    signal.throwIfAborted();
    if ((await switchGeneration(deps, run)) === "switched") {
      await dropDatasetIndex(deps.sql, run.source).catch((error: unknown) =>
        deps.logger.warn({ err: error, datasetId: run.source.id }, "could not drop the replaced index"),
      );
      return { generation: run.target.generation, model: run.target.embedding_model, records: progress.done };
    }
  }
  throw new Error(
    `Dataset '${run.source.name}' kept changing during ${maxPasses} passes; the re-embedding resumes on the next attempt`,
  );
}

function checkTargetModel(deps: ReembedDeps, run: ReembeddingRun): void {
  const model = deps.embeddings.describe(run.target.embedding_model);
  if (!model) {
    throw new ReembeddingFailure(`The embedding model ${run.target.embedding_model} is no longer available`);
  }
  if (model.dimensions !== run.target.dimensions) {
    throw new ReembeddingFailure(
      `${model.name} now has ${model.dimensions} dimensions, not the ${run.target.dimensions} the change was started with`,
    );
  }
}

function isCancelled(signal: AbortSignal): boolean {
  return (
    signal.aborted && signal.reason instanceof JobInterruptedError && signal.reason.reason === "cancelled"
  );
}

function failureMessage(error: unknown, job: Job): string {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof ReembeddingFailure) return reason;
  return `Re-embedding failed after ${job.attempts} attempt(s): ${reason}`;
}
