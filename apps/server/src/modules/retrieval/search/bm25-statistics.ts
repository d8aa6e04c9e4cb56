import type { LRUCache } from "lru-cache";
import { expiringLru } from "../../../platform/cache/index.js";
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

/** How long N and avgdl of a dataset generation are reused: writes show in scores at most this late. */
export const collectionSizeTtlMs = 10_000;

/**
 * N and avgdl per dataset generation. Reading them scans the whole generation (about 10 ms for 10k
 * records on PGlite, a tenth of a search); they drift slowly as records come and go, and every
 * other part of the ranking (which records match, df, tf) is read live.
 */
export const collectionSizes = expiringLru<string, CollectionSize>({
  max: 10_000,
  ttl: collectionSizeTtlMs,
});

/**
 * N and avgdl of the whole dataset generation, not of the filtered scope: a filter narrows which
 * records compete, not how long a record is, so a record's score does not change with the filter
 * around it. An empty generation is not remembered: its first records should count at once.
 */
export async function readCollectionSize(
  tx: SqlTx,
  scope: Pick<SearchScope, "tenantId" | "dataset">,
  cache: LRUCache<string, CollectionSize> = collectionSizes,
): Promise<CollectionSize> {
  const { id, generation } = datasetLiterals(scope.dataset);
  const key = `${scope.tenantId}/${id}/${generation}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const [row] = await tx.query<{ documents: number; average_length: number | null }>(
    `SELECT count(*)::int AS documents, avg(${documentLengthSql})::float8 AS average_length
       FROM dataset_vectors v WHERE v.tenant_id = $1 AND v.dataset_id = '${id}' AND v.generation = ${generation}`,
    [scope.tenantId],
  );
  const size = { documents: row?.documents ?? 0, averageLength: row?.average_length ?? 0 };
  if (size.documents > 0) cache.set(key, size);
  return size;
}
