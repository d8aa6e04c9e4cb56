import type { SqlTx } from "../../../platform/sql/index.js";
import { datasetLiterals } from "../store/dataset-index.js";
import type { SearchScope } from "./search-scope.js";

/** The BM25 collection: one dataset generation of one tenant, before any filter. */
export interface CollectionSize {
  /** N: records in the dataset generation. */
  readonly documents: number;
  /** avgdl: their mean length, in bytes of content (see `documentLengthSql`). */
  readonly averageLength: number;
}

/**
 * A record's length |d| for BM25: the bytes of its content. Only the ratio |d|/avgdl matters, and
 * bytes grow with the number of words as the tsvector's positions do, but `octet_length` reads
 * the size from the value's header without decompressing anything, where counting the lexemes of
 * `content_tsv` would detoast every record of the dataset on each search.
 */
export const documentLengthSql = "coalesce(octet_length(v.content), 0)";

/**
 * N and avgdl of the whole dataset generation, not of the filtered scope: a filter narrows which
 * records compete, not how rare a word is or how long a record is, so a record's score does not
 * change with the filter around it.
 */
export async function readCollectionSize(
  tx: SqlTx,
  scope: Pick<SearchScope, "tenantId" | "dataset">,
): Promise<CollectionSize> {
  const { id, generation } = datasetLiterals(scope.dataset);
  const [row] = await tx.query<{ documents: number; average_length: number | null }>(
    `SELECT count(*)::int AS documents, avg(${documentLengthSql})::float8 AS average_length
       FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = '${id}' AND v.generation = ${generation}`,
    [scope.tenantId],
  );
  return { documents: row?.documents ?? 0, averageLength: row?.average_length ?? 0 };
}
