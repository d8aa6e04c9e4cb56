import type { SqlTx } from "../../../platform/sql/index.js";
import type { ReembeddingRun } from "./reembedding-run.js";

/** A record of the searchable generation whose copy in the new one is missing or out of date. */
export interface StaleRecord {
  readonly id: string;
  readonly document_id: string;
  readonly chunk_id: string | null;
  readonly content: string;
  readonly content_hash: string | null;
  readonly content_type: string;
  readonly language: string | null;
  readonly chunk_index: number | null;
  readonly chunk_count: number | null;
  readonly metadata: Record<string, unknown>;
  /** Full-precision `timestamptz` text, written back onto the copy (see `keepSourceVersion`). */
  readonly created_at: string;
  readonly updated_at: string;
}

// $1 tenant, $2 dataset uuid, $3 source generation, $4 target generation. A copy is current when it
// carries its source's updated_at (copied onto it) and content hash: a record rewritten during the
// run (a re-processed document, an overwrite) gets a newer updated_at and is copied again.
const staleSource = `FROM dataset_vectors s
  WHERE s.tenant_id = $1 AND s.dataset_id = $2 AND s.generation = $3 AND s.content IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM dataset_vectors n
       WHERE n.tenant_id = s.tenant_id AND n.dataset_id = s.dataset_id AND n.generation = $4 AND n.id = s.id
         AND n.updated_at = s.updated_at AND n.content_hash IS NOT DISTINCT FROM s.content_hash)`;

function runParams(run: ReembeddingRun): unknown[] {
  return [run.tenantId, run.source.id, run.source.generation, run.target.generation];
}

/** The next stale records after `after` (keyset by id), in id order. */
export function readStaleBatch(
  tx: SqlTx,
  run: ReembeddingRun,
  after: string | null,
  limit: number,
): Promise<StaleRecord[]> {
  return tx.query<StaleRecord>(
    `SELECT s.id, s.document_id, s.chunk_id, s.content, s.content_hash, s.content_type, s.language,
            s.chunk_index, s.chunk_count, s.metadata, s.created_at::text AS created_at,
            s.updated_at::text AS updated_at
       ${staleSource} AND ($5::uuid IS NULL OR s.id > $5::uuid)
      ORDER BY s.id LIMIT $6`,
    [...runParams(run), after, limit],
  );
}

export async function hasStaleRecords(tx: SqlTx, run: ReembeddingRun): Promise<boolean> {
  const [row] = await tx.query<{ stale: boolean }>(
    `SELECT EXISTS (SELECT 1 ${staleSource}) AS stale`,
    runParams(run),
  );
  return row?.stale === true;
}

/** Copies that are already current: where a retried job resumes its progress count. */
export async function countCurrentCopies(tx: SqlTx, run: ReembeddingRun): Promise<number> {
  const [row] = await tx.query<{ copies: number }>(
    `SELECT count(*)::int AS copies FROM dataset_vectors n
      JOIN dataset_vectors s ON s.tenant_id = n.tenant_id AND s.dataset_id = n.dataset_id
       AND s.generation = $3 AND s.id = n.id AND s.updated_at = n.updated_at
       AND s.content_hash IS NOT DISTINCT FROM n.content_hash
     WHERE n.tenant_id = $1 AND n.dataset_id = $2 AND n.generation = $4`,
    runParams(run),
  );
  return row?.copies ?? 0;
}

/** Records of the searchable generation stored without text: they cannot be re-embedded. */
export async function countRecordsWithoutContent(tx: SqlTx, run: ReembeddingRun): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM dataset_vectors s
      WHERE s.tenant_id = $1 AND s.dataset_id = $2 AND s.generation = $3 AND s.content IS NULL`,
    [run.tenantId, run.source.id, run.source.generation],
  );
  return row?.n ?? 0;
}

/**
 * The copies keep their source's created_at, updated_at and content hash: a re-embedding does not
 * change when or what a record was written, and equal values are what mark a copy as current.
 */
export async function keepSourceVersion(
  tx: SqlTx,
  run: ReembeddingRun,
  records: readonly StaleRecord[],
): Promise<void> {
  await tx.query(
    `UPDATE dataset_vectors n SET created_at = s.created_at::timestamptz,
            updated_at = s.updated_at::timestamptz, content_hash = s.content_hash
       FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[]) AS s(id, created_at, updated_at, content_hash)
      WHERE n.tenant_id = $1 AND n.dataset_id = $2 AND n.generation = $3 AND n.id = s.id`,
    [
      run.tenantId,
      run.source.id,
      run.target.generation,
      records.map((record) => record.id),
      records.map((record) => record.created_at),
      records.map((record) => record.updated_at),
      records.map((record) => record.content_hash),
    ],
  );
}
