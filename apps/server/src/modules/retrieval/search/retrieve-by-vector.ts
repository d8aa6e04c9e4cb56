import type { MetricType } from "@tributary/contracts";
import type { SqlTx } from "../../../platform/sql/index.js";
import { type DatasetRow, usesHnsw } from "../store/dataset-row.js";
import { hnswConfigOf } from "../store/index-config.js";
import { maxDistanceForScore, metricSql, scoreOfDistance } from "../store/vector-metric.js";
import { type VectorFields, type VectorRow, vectorColumns } from "../store/vector-row.js";
import { countMatches } from "./count-matches.js";
import { compareHits, type Hit } from "./hit.js";
import { type SearchScope, scopeConditions } from "./search-scope.js";

export interface VectorQuery {
  readonly scope: SearchScope;
  readonly dataset: DatasetRow;
  /** Already checked to have the dataset's dimensions. */
  readonly vector: readonly number[];
  readonly metric: MetricType;
  readonly minScore: number | null;
  readonly maxDistance: number | null;
  readonly efSearch: number | null;
  readonly fields: VectorFields;
}

export type VectorScan = "hnsw" | "exact";

/** pgvector's HNSW candidate list tops out at 1000. */
const maxEfSearch = 1000;

/** Whether the dataset's HNSW index can answer: it was built for the dataset's metric only (G30). */
function canUseIndex(query: VectorQuery): boolean {
  return usesHnsw(query.dataset) && query.metric === query.dataset.metric_type;
}

/** The ranking SQL: the distance expression, and the conditions including the score threshold (G27). */
function rankingSql(query: VectorQuery, indexed: boolean, params: unknown[]) {
  const conditions = scopeConditions(query.scope, params);
  params.push(JSON.stringify(query.vector));
  const dimensions = Math.trunc(query.dataset.dimensions);
  const { operator } = metricSql(query.metric);
  // The indexed form repeats the index's expression; the exact one cannot match it, so it scans.
  const distance = indexed
    ? `(v.embedding::vector(${dimensions}) ${operator} $${params.length}::vector(${dimensions}))`
    : `(v.embedding ${operator} $${params.length}::vector)`;
  const maxDistance = distanceLimit(query);
  if (maxDistance !== null) {
    params.push(maxDistance);
    conditions.push(`${distance} <= $${params.length}`);
  }
  return { conditions, distance };
}

/** The largest distance min_score and max_distance allow together, or null when they allow any. */
function distanceLimit(query: VectorQuery): number | null {
  const limit = Math.min(
    query.minScore === null ? Number.POSITIVE_INFINITY : maxDistanceForScore(query.metric, query.minScore),
    query.maxDistance ?? Number.POSITIVE_INFINITY,
  );
  return Number.isFinite(limit) ? limit : null;
}

async function runRanking(tx: SqlTx, query: VectorQuery, indexed: boolean, limit: number): Promise<Hit[]> {
  const params: unknown[] = [];
  const { conditions, distance } = rankingSql(query, indexed, params);
  // The index orders by its expression alone; the exact scan breaks ties by id itself.
  const order = indexed ? distance : `${distance}, v.id`;
  const rows = await tx.query<VectorRow & { distance: number }>(
    `SELECT ${vectorColumns(query.fields)}, ${distance} AS distance FROM dataset_vectors v
      WHERE ${conditions.join(" AND ")} ORDER BY ${order} LIMIT ${Math.trunc(limit)}`,
    params,
  );
  return rows
    .map(({ distance: found, ...row }) => ({
      row,
      distance: found,
      score: scoreOfDistance(query.metric, found),
    }))
    .sort(compareHits);
}

/**
 * The `limit` nearest records in scope. HNSW datasets search their index with `ef_search` raised
 * to at least `limit` (G31) and pgvector's iterative scan, so filters inside the query do not
 * starve it; when the index still yields fewer than `limit`, an exact scan answers instead, so a
 * search never returns fewer than top_k while more matches exist (G22).
 */
export async function retrieveByVector(
  tx: SqlTx,
  query: VectorQuery,
  limit: number,
): Promise<{ hits: Hit[]; scan: VectorScan }> {
  if (canUseIndex(query)) {
    const configured = query.efSearch ?? hnswConfigOf(query.dataset.index_config).ef_search;
    const efSearch = Math.min(maxEfSearch, Math.max(configured, limit));
    await tx.query(`SET LOCAL hnsw.ef_search = ${Math.trunc(efSearch)}`);
    await tx.query("SET LOCAL hnsw.iterative_scan = relaxed_order");
    const hits = await runRanking(tx, query, true, limit);
    if (hits.length >= limit) return { hits, scan: "hnsw" };
  }
  return { hits: await runRanking(tx, query, false, limit), scan: "exact" };
}

/** `total_found` of a vector search: the records within the thresholds, or distinct `distinctKey`s. */
export async function countVectorMatches(
  tx: SqlTx,
  query: VectorQuery,
  distinctKey: string | null,
): Promise<number> {
  const params: unknown[] = [];
  // Without a threshold the distance plays no part (and its parameter would go unused).
  const conditions =
    distanceLimit(query) === null
      ? scopeConditions(query.scope, params)
      : rankingSql(query, false, params).conditions;
  return countMatches(tx, conditions, params, distinctKey);
}
