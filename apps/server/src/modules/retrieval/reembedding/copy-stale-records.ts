import type { VectorCreate } from "@tributary/contracts";
import type { SqlTx } from "../../../platform/sql/index.js";
import type { RetrievalDeps } from "../deps.js";
import { upsertVectors } from "../store/index.js";
import { ReembeddingFailure, type ReembeddingRun, ReembeddingSuperseded } from "./reembedding-run.js";
import { keepSourceVersion, readStaleBatch, type StaleRecord } from "./stale-records.js";

/** Re-embedded so far; carried across passes so `done` keeps growing. */
export interface ReembeddingProgress {
  done: number;
}

/**
 * One pass over the searchable generation: every record without a current copy is embedded with
 * the target model (outside any transaction: the embedding cache and remote providers open their
 * own) and written to the new generation in batches, each with its progress. Returns how many.
 */
export async function copyStaleRecords(
  deps: Pick<RetrievalDeps, "sql" | "embeddings">,
  run: ReembeddingRun,
  progress: ReembeddingProgress,
  options: { readonly batchSize: number; readonly signal: AbortSignal },
): Promise<number> {
  let after: string | null = null;
  let copied = 0;
  for (;;) {
    options.signal.throwIfAborted();
    const cursor: string | null = after;
    const batch: StaleRecord[] = await deps.sql.withTenant(run.tenantId, (tx) =>
      readStaleBatch(tx, run, cursor, options.batchSize),
    );
    const last = batch.at(-1);
    if (!last) return copied;
    const embedded = await deps.embeddings.embed({
      tenantId: run.tenantId,
      model: run.target.embedding_model,
      texts: batch.map((record) => record.content),
      signal: options.signal,
    });
    if (embedded.dimensions !== run.target.dimensions) {
      throw new ReembeddingFailure(
        `${run.target.embedding_model} answered ${embedded.dimensions} dimensions, not the ${run.target.dimensions} the change expects`,
      );
    }
    const done = progress.done + batch.length;
    await deps.sql.withTenant(run.tenantId, async (tx) => {
      const records = batch.map((record, i) => toVectorCreate(record, embedded.vectors[i] ?? []));
      await upsertVectors(tx, run.target, records, { overwrite: true, generation: run.target.generation });
      await keepSourceVersion(tx, run, batch);
      await recordProgress(tx, run, done);
    });
    progress.done = done;
    copied += batch.length;
    after = last.id;
  }
}

/** The same record, its text, place and metadata kept, with the target model's vector. */
function toVectorCreate(record: StaleRecord, values: number[]): VectorCreate {
  return {
    id: record.id,
    document_id: record.document_id,
    chunk_id: record.chunk_id ?? undefined,
    values,
    content: record.content,
    content_hash: record.content_hash ?? undefined,
    metadata: record.metadata,
    content_type: record.content_type,
    language: record.language ?? undefined,
    chunk_index: record.chunk_index ?? undefined,
    chunk_count: record.chunk_count ?? undefined,
  };
}

/** `done` for GET; the run must still be the dataset's (else the batch rolls back and the job stops). */
async function recordProgress(tx: SqlTx, run: ReembeddingRun, done: number): Promise<void> {
  const rows = await tx.query(
    `UPDATE vector_datasets d
        SET reembedding = d.reembedding || jsonb_build_object(
              'done', $3::int, 'total', greatest((d.reembedding->>'total')::int, $3::int))
      WHERE d.tenant_id = $1 AND d.id = $2 AND d.deleted_at IS NULL
        AND (d.reembedding->>'generation')::int = $4 AND d.reembedding->>'error' IS NULL
      RETURNING d.id`,
    [run.tenantId, run.source.id, done, run.target.generation],
  );
  if (rows.length === 0) throw new ReembeddingSuperseded();
}
