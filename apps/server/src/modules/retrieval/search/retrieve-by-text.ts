import type { SqlTx } from "../../../platform/sql/index.js";
import { datasetLiterals } from "../store/dataset-index.js";
import { type VectorFields, type VectorRow, vectorColumns } from "../store/vector-row.js";
import { type CollectionSize, documentLengthSql, readCollectionSize } from "./bm25-statistics.js";
import { maxCountedMatches } from "./count-matches.js";
import { compareHits, type Hit } from "./hit.js";
import { type SearchScope, scopeConditions } from "./search-scope.js";
import { anyTermQuery, type TextTerms } from "./text-terms.js";

export { buildTextQuery, type TextTerms } from "./text-terms.js";

export interface TextQuery {
  readonly scope: SearchScope;
  /** From `buildTextQuery`. */
  readonly terms: TextTerms;
  readonly minScore: number | null;
  readonly fields: VectorFields;
}

export interface TextMatches {
  /** The best `limit` records in scope, best first. */
  readonly hits: Hit[];
  /** Records in scope scoring at least min_score (or their distinct keys), at most `maxCountedMatches`. */
  readonly total: number;
}

/** BM25's term-frequency saturation and length normalisation, at their usual values. */
export const bm25K1 = 1.2;
export const bm25B = 0.75;
/** The BM25 sum whose reported score is 0.5: score = bm25 / (bm25 + this), in [0, 1). */
export const bm25HalfScore = 10;

/**
 * `collectHits` fetches with growing limits and the count may follow: N and avgdl are read once
 * per query object, not once per statement.
 */
const sizeOfQuery = new WeakMap<TextQuery, Promise<CollectionSize>>();

function collectionSizeOf(tx: SqlTx, query: TextQuery): Promise<CollectionSize> {
  let size = sizeOfQuery.get(query);
  if (!size) {
    size = readCollectionSize(tx, query.scope);
    sizeOfQuery.set(query, size);
  }
  return size;
}

/**
 * Okapi BM25 (G26) in one statement, so each record holding a query term is read once:
 * - `matched`: the records of the dataset generation holding any term (`@@`, which the GIN index
 *   on `content_tsv` can answer), each with tf(t, d) for its terms (positions in `content_tsv`;
 *   setweight marks the query's lexemes and ts_filter keeps only them, so no record's other
 *   lexemes are unnested) and whether it lies in the search's scope;
 * - `idf`: ln(1 + (N − df + 0.5)/(df + 0.5)), df counted over `matched`, the whole generation,
 *   like N and avgdl: a filter decides which records compete, not how rare a word is;
 * - `scored`: Σ idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl)) for the records in scope,
 *   mapped to s/(s + 10) and held to min_score: tenant, dataset, filters and the extra condition
 *   all apply inside the query, before ranking.
 * The total rides along on every row (on a row of NULLs when nothing ranks), so a count costs no
 * second pass over the records.
 */
function bm25Sql(query: TextQuery, size: CollectionSize, limit: number, distinctKey: string | null) {
  const params: unknown[] = [];
  const { id, generation } = datasetLiterals(query.scope.dataset);
  const inScope = scopeConditions(query.scope, params).join(" AND ");
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const generationRows = `v.tenant_id = ${param(query.scope.tenantId)} AND v.dataset_id = '${id}' AND v.generation = ${generation}`;
  const terms = `${param(query.terms.lexemes)}::text[]`;
  const anyTerm = `${param(anyTermQuery(query.terms))}::tsquery`;
  const documents = `${param(size.documents)}::float8`;
  const averageLength = `${param(Math.max(size.averageLength, 1))}::float8`;
  const minScore = query.minScore === null ? "" : `WHERE b.score >= ${param(query.minScore)}::float8`;
  const statement = `
    WITH matched AS MATERIALIZED (
      SELECT v.id, ${distinctKey ?? "v.id::text"} AS count_key, (${inScope}) AS in_scope,
             ${documentLengthSql} AS length, f.lexemes, f.tfs
        FROM dataset_vectors v,
             LATERAL (SELECT array_agg(t.lexeme) AS lexemes, array_agg(cardinality(t.positions)) AS tfs
                        FROM unnest(ts_filter(setweight(v.content_tsv, 'A', ${terms}), '{a}')) AS t) f
       WHERE ${generationRows} AND v.content_tsv @@ ${anyTerm}),
    idf AS (
      SELECT o.lexeme, ln(1 + (${documents} - count(*) + 0.5) / (count(*) + 0.5)) AS idf
        FROM matched m, unnest(m.lexemes) AS o(lexeme) GROUP BY o.lexeme),
    scored AS (
      SELECT b.id, b.count_key, b.score FROM (
        SELECT m.id, m.count_key, s.bm25 / (s.bm25 + ${bm25HalfScore}) AS score
          FROM matched m,
               LATERAL (SELECT coalesce(sum(i.idf * o.tf * ${bm25K1 + 1}
                                 / (o.tf + ${bm25K1} * (${1 - bm25B} + ${bm25B} * m.length / ${averageLength}))), 0) AS bm25
                          FROM unnest(m.lexemes, m.tfs) AS o(lexeme, tf) JOIN idf i USING (lexeme)) s
         WHERE m.in_scope) b ${minScore}),
    ranked AS (SELECT r.id, r.score FROM scored r ORDER BY r.score DESC, r.id LIMIT ${Math.trunc(limit)}),
    totals AS (SELECT count(*)::int AS total FROM (SELECT DISTINCT count_key FROM scored LIMIT ${maxCountedMatches}) c)
    SELECT r.id, r.score::float8 AS score, t.total FROM totals t LEFT JOIN ranked r ON true`;
  return { statement, params };
}

/**
 * The ranked records' columns, by primary key. A second statement rather than a join: without
 * table statistics (the embedded database never analyses) the planner may join by scanning the
 * whole dataset once per ranked record.
 */
async function readRankedRows(
  tx: SqlTx,
  query: TextQuery,
  ids: readonly string[],
): Promise<Map<string, VectorRow>> {
  if (ids.length === 0) return new Map();
  const { id, generation } = datasetLiterals(query.scope.dataset);
  const rows = await tx.query<VectorRow>(
    `SELECT ${vectorColumns(query.fields)} FROM dataset_vectors v
      WHERE v.tenant_id = $1 AND v.dataset_id = '${id}' AND v.generation = ${generation} AND v.id = ANY($2::uuid[])`,
    [query.scope.tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The `limit` best BM25 matches in scope and how many there are in all (records, or distinct
 * `distinctKey`s over `dataset_vectors v` when results collapse).
 */
export async function retrieveTextMatches(
  tx: SqlTx,
  query: TextQuery,
  limit: number,
  distinctKey: string | null,
): Promise<TextMatches> {
  const { statement, params } = bm25Sql(query, await collectionSizeOf(tx, query), limit, distinctKey);
  const ranked = await tx.query<{ id: string | null; score: number | null; total: number }>(
    statement,
    params,
  );
  const scores = new Map<string, number>();
  for (const { id, score } of ranked) if (id !== null && score !== null) scores.set(id, score);
  const rows = await readRankedRows(tx, query, [...scores.keys()]);
  const hits: Hit[] = [];
  for (const [id, score] of scores) {
    const row = rows.get(id);
    if (row) hits.push({ row, score, distance: null });
  }
  return { hits: hits.sort(compareHits), total: ranked[0]?.total ?? 0 };
}

/** The `limit` best BM25 matches in scope (the hybrid search's lexical retriever). */
export async function retrieveByText(tx: SqlTx, query: TextQuery, limit: number): Promise<Hit[]> {
  return (await retrieveTextMatches(tx, query, limit, null)).hits;
}

/** `total_found` of a text search: the same statement as the ranking, so the two always agree. */
export async function countTextMatches(
  tx: SqlTx,
  query: TextQuery,
  distinctKey: string | null,
): Promise<number> {
  return (await retrieveTextMatches(tx, query, 0, distinctKey)).total;
}
