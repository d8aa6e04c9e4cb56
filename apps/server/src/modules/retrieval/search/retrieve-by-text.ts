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
 * Okapi BM25 (G26) in one statement, so each record holding a query term is read once:
 * - `occurrences`: the query terms each record of the dataset generation holds (`@@`, which the
 *   GIN index on `content_tsv` can answer), with tf(t, d) = the term's positions in `content_tsv`
 *   (setweight marks the query's lexemes and ts_filter keeps only them, so no record's other
 *   lexemes are unnested), |d| and whether the record lies in the search's scope;
 * - `idf`: ln(1 + (N − df + 0.5)/(df + 0.5)), df counted over those records, the whole generation,
 *   like N and avgdl: a filter decides which records compete, not how rare a word is (N is at
 *   least df: a remembered N may predate the latest writes);
 * - `best_forms`: per record in scope and query word, the best of the word's forms (stem, exact):
 *   idf · tf·(k1 + 1) / (tf + k1·(1 − b + b·|d|/avgdl));
 * - `scored`: the sum over the words, mapped to s/(s + 10) and held to min_score: tenant,
 *   dataset, filters and the extra condition all apply inside the query, before ranking.
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
  const words = `${param(query.terms.words)}::int[]`;
  const anyTerm = `${param(anyTermQuery(query.terms))}::tsquery`;
  const documents = `${param(size.documents)}::float8`;
  const averageLength = `${param(Math.max(size.averageLength, 1))}::float8`;
  const minScore = query.minScore === null ? "" : `WHERE s.score >= ${param(query.minScore)}::float8`;
  const statement = `
    WITH occurrences AS MATERIALIZED (
      SELECT v.ctid AS row_tid, v.id, ${distinctKey ?? "v.id::text"} AS count_key, (${inScope}) AS in_scope,
             ${documentLengthSql} AS length, t.lexeme, cardinality(t.positions) AS tf
        FROM dataset_vectors v, unnest(ts_filter(setweight(v.content_tsv, 'A', ${terms}), '{a}')) AS t
       WHERE ${generationRows} AND v.content_tsv @@ ${anyTerm}),
    idf AS (
      SELECT o.lexeme, ln(1 + (greatest(${documents}, count(*)) - count(*) + 0.5) / (count(*) + 0.5)) AS idf
        FROM occurrences o GROUP BY o.lexeme),
    best_forms AS (
      SELECT o.row_tid, o.id, o.count_key, q.word,
             max(i.idf * o.tf * ${bm25K1 + 1} / (o.tf + ${bm25K1} * (${1 - bm25B} + ${bm25B} * o.length / ${averageLength}))) AS weight
        FROM occurrences o
        JOIN idf i USING (lexeme)
        JOIN unnest(${terms}, ${words}) AS q(lexeme, word) USING (lexeme)
       WHERE o.in_scope
       GROUP BY o.row_tid, o.id, o.count_key, q.word),
    scored AS (
      SELECT s.row_tid, s.id, s.count_key, s.score FROM (
        SELECT b.row_tid, b.id, b.count_key, sum(b.weight) / (sum(b.weight) + ${bm25HalfScore}) AS score
          FROM best_forms b GROUP BY b.row_tid, b.id, b.count_key) s ${minScore}),
    ranked AS (SELECT r.row_tid, r.id, r.score FROM scored r ORDER BY r.score DESC, r.id LIMIT ${Math.trunc(limit)}),
    totals AS (SELECT count(*)::int AS total FROM (SELECT DISTINCT count_key FROM scored LIMIT ${maxCountedMatches}) c)
    SELECT t.total, h.* FROM totals t LEFT JOIN (
      SELECT r.score::float8 AS score, ${vectorColumns(query.fields)}
        FROM ranked r JOIN dataset_vectors v ON v.ctid = r.row_tid AND v.id = r.id) h ON true`;
  return { statement, params };
}

/**
 * The `limit` best BM25 matches in scope and how many there are in all (records, or distinct
 * `distinctKey`s over `dataset_vectors v` when results collapse): `total_found` comes from the
 * very statement that ranks, so the count and the ranking cannot disagree.
 */
export async function retrieveTextMatches(
  tx: SqlTx,
  query: TextQuery,
  limit: number,
  distinctKey: string | null,
): Promise<TextMatches> {
  const { statement, params } = bm25Sql(query, await readCollectionSize(tx, query.scope), limit, distinctKey);
  const rows = await tx.query<VectorRow & { score: number | null; total: number }>(statement, params);
  const hits: Hit[] = [];
  for (const { score, total: _total, ...row } of rows) {
    if (score !== null) hits.push({ row, score, distance: null });
  }
  return { hits: hits.sort(compareHits), total: rows[0]?.total ?? 0 };
}

/** The `limit` best BM25 matches in scope (the hybrid search's lexical retriever). */
export async function retrieveByText(tx: SqlTx, query: TextQuery, limit: number): Promise<Hit[]> {
  return (await retrieveTextMatches(tx, query, limit, null)).hits;
}
