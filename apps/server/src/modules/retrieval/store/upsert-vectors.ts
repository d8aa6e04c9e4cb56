import type { VectorCreate } from "@tributary/contracts";
import { AppError } from "../../../platform/errors/index.js";
import type { SqlTx } from "../../../platform/sql/index.js";
import { datasetLiterals } from "./dataset-index.js";
import type { DatasetRow } from "./dataset-row.js";
import { type VectorRecord, validateVectorRecords } from "./validate-vector-records.js";
import { encodeVectorArray, vectorTypeOid } from "./vector-binary.js";

export interface UpsertOptions {
  /** Existing ids and existing `content_hash`es are skipped (spec §2 rule 2). */
  readonly skipExisting?: boolean;
  /** Existing ids are replaced, with a new `updated_at`. */
  readonly overwrite?: boolean;
  /** The generation to write; the dataset's searchable one by default (a re-embedding writes the next). */
  readonly generation?: number;
}

export interface UpsertResult {
  inserted_count: number;
  skipped_count: number;
  failed_count: number;
  error_messages: string[];
}

type Outcome = "pending" | "inserted" | "skipped" | "failed";

/**
 * Stores a batch in one dataset (requirements 10–11, G37): every record is validated first (a bad
 * one rejects the call); then an existing id is skipped, replaced or failed with DUPLICATE_VECTOR
 * and the rest continues, so `inserted + skipped + failed == records.length`.
 */
export async function upsertVectors(
  tx: SqlTx,
  dataset: DatasetRow,
  records: readonly VectorCreate[],
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  if (options.skipExisting && options.overwrite) {
    throw new AppError("VALIDATION_ERROR", "skip_existing and overwrite cannot both be true", {
      details: { fields: ["skip_existing", "overwrite"] },
    });
  }
  const valid = validateVectorRecords(records, dataset);
  const outcomes: Outcome[] = valid.map(() => "pending");
  const errors: string[] = [];
  const duplicate = (index: number) => {
    outcomes[index] = "failed";
    errors.push(
      `DUPLICATE_VECTOR: vector ${valid[index]?.id} already exists in dataset '${dataset.name}'; set overwrite=true or skip_existing=true`,
    );
  };

  // Repeats inside the batch: the last one wins with overwrite (the earlier counts as replaced).
  const firstById = new Map<string, number>();
  for (const [index, record] of valid.entries()) {
    const earlier = firstById.get(record.id);
    if (earlier === undefined) firstById.set(record.id, index);
    else if (options.overwrite) {
      outcomes[earlier] = "inserted";
      firstById.set(record.id, index);
    } else if (options.skipExisting) outcomes[index] = "skipped";
    else duplicate(index);
  }
  if (options.skipExisting) await skipKnownContent(tx, dataset, valid, outcomes, options.generation);

  const pending = valid.flatMap((record, index) =>
    outcomes[index] === "pending" ? [{ record, index }] : [],
  );
  const written = await insertRecords(
    tx,
    dataset,
    pending.map(({ record }) => record),
    options,
  );
  for (const { record, index } of pending) {
    if (written.has(record.id)) outcomes[index] = "inserted";
    else if (options.skipExisting) outcomes[index] = "skipped";
    else duplicate(index);
  }
  const count = (outcome: Outcome) => outcomes.filter((value) => value === outcome).length;
  return {
    inserted_count: count("inserted"),
    skipped_count: count("skipped"),
    failed_count: count("failed"),
    error_messages: errors,
  };
}

/** With skip_existing, content already stored (or earlier in the batch) is not stored again. */
async function skipKnownContent(
  tx: SqlTx,
  dataset: DatasetRow,
  records: readonly VectorRecord[],
  outcomes: Outcome[],
  generation = dataset.generation,
): Promise<void> {
  const hashes = [
    ...new Set(records.flatMap((record) => (record.content_hash ? [record.content_hash] : []))),
  ];
  if (hashes.length === 0) return;
  const rows = await tx.query<{ content_hash: string }>(
    `SELECT DISTINCT v.content_hash FROM dataset_vectors v
      WHERE v.tenant_id = $1 AND v.dataset_id = $2 AND v.generation = $3 AND v.content_hash = ANY($4::text[])`,
    [dataset.tenant_id, dataset.id, generation, hashes],
  );
  const seen = new Set(rows.map((row) => row.content_hash));
  for (const [index, record] of records.entries()) {
    if (outcomes[index] !== "pending" || !record.content_hash) continue;
    if (seen.has(record.content_hash)) outcomes[index] = "skipped";
    else seen.add(record.content_hash);
  }
}

/**
 * One INSERT … SELECT FROM unnest(…) for the whole batch, the vectors in binary (see
 * vector-binary.ts); returns the ids it wrote.
 */
async function insertRecords(
  tx: SqlTx,
  dataset: DatasetRow,
  records: readonly VectorRecord[],
  options: UpsertOptions,
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const generation = options.generation ?? dataset.generation;
  const { id } = datasetLiterals({ id: dataset.id, generation });
  const dimensions = Math.trunc(dataset.dimensions);
  const onConflict = options.overwrite
    ? `DO UPDATE SET space_id = EXCLUDED.space_id, notebook_id = EXCLUDED.notebook_id,
         document_id = EXCLUDED.document_id, chunk_id = EXCLUDED.chunk_id, content = EXCLUDED.content,
         content_hash = EXCLUDED.content_hash, content_type = EXCLUDED.content_type, language = EXCLUDED.language,
         chunk_index = EXCLUDED.chunk_index, chunk_count = EXCLUDED.chunk_count, model = EXCLUDED.model,
         metadata = EXCLUDED.metadata, embedding = EXCLUDED.embedding, updated_at = now()`
    : "DO NOTHING";
  const column = <K extends keyof VectorRecord>(key: K) => records.map((record) => record[key]);
  const vectors = encodeVectorArray(
    await vectorTypeOid(tx),
    records.map((record) => record.values),
  );
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO dataset_vectors AS v (dataset_id, generation, id, tenant_id, space_id, notebook_id, document_id,
       chunk_id, content, content_hash, content_type, language, chunk_index, chunk_count, model, metadata, embedding)
     SELECT '${id}'::uuid, ${generation}, r.id, $1, r.space_id, r.notebook_id, r.document_id, r.chunk_id, r.content,
       r.content_hash, r.content_type, r.language, r.chunk_index, r.chunk_count, r.model, r.metadata,
       r.embedding::vector(${dimensions})
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::int[], $12::int[], $13::text[], $14::jsonb[], $15::vector[])
       AS r(id, space_id, notebook_id, document_id, chunk_id, content, content_hash, content_type, language,
            chunk_index, chunk_count, model, metadata, embedding)
     ON CONFLICT (dataset_id, generation, id) ${onConflict}
     RETURNING v.id`,
    [
      dataset.tenant_id,
      column("id"),
      column("space_id"),
      column("notebook_id"),
      column("document_id"),
      column("chunk_id"),
      column("content"),
      column("content_hash"),
      column("content_type"),
      column("language"),
      column("chunk_index"),
      column("chunk_count"),
      column("model"),
      records.map((record) => JSON.stringify(record.metadata)),
      vectors,
    ],
  );
  return new Set(rows.map((row) => row.id));
}
