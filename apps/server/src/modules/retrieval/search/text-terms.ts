import type { SqlTx } from "../../../platform/sql/index.js";

/** Query terms beyond this are dropped (in query order): each one costs a document-frequency count. */
export const maxTextTerms = 32;

/** The lexemes a text query looks for in `content_tsv`, deduplicated, in query order. */
export interface TextTerms {
  readonly lexemes: readonly string[];
}

/**
 * The query's content words as `content_tsv` lexemes: each word's stem in the language (ISO 639-1 →
 * configuration by `retrieval_ts_config`, as the records' vectors are built) and its unstemmed
 * ('simple') form, so an exact form scores above a mere shared stem. A word the language
 * configuration drops is a stopword and contributes nothing, not even its 'simple' form: matching
 * "the" or "of" would rank the chunks richest in filler first. Only lexemes `to_tsvector` itself
 * yields survive (it skips over-long words), so every term can occur in a record's vector.
 * Null when the text has no content word.
 */
export async function buildTextQuery(tx: SqlTx, text: string, language: string): Promise<TextTerms | null> {
  const rows = await tx.query<{ lexeme: string }>(
    `WITH words AS (
       SELECT d.at, d.token, d.lexemes
         FROM ts_debug(retrieval_ts_config($2), $1) WITH ORDINALITY AS d(alias, description, token, dictionaries, dictionary, lexemes, at)
        WHERE cardinality(d.lexemes) > 0),
     forms AS (
       SELECT w.at, 0 AS pass, l.lexeme FROM words w, unnest(w.lexemes) AS l(lexeme)
       UNION ALL
       SELECT w.at, 1 AS pass, l.lexeme FROM words w, unnest(ts_lexize('simple'::regdictionary, w.token)) AS l(lexeme))
     SELECT f.lexeme FROM forms f
      WHERE f.lexeme IN (SELECT t.lexeme FROM unnest(to_tsvector(retrieval_ts_config($2), $1) || to_tsvector('simple'::regconfig, $1)) AS t)
      GROUP BY f.lexeme ORDER BY min(f.at), min(f.pass), f.lexeme LIMIT ${maxTextTerms}`,
    [text, language],
  );
  return rows.length === 0 ? null : { lexemes: rows.map((row) => row.lexeme) };
}

/** The terms as an OR tsquery (any term matches); lexemes are quoted, so no query syntax reaches the parser. */
export function anyTermQuery(terms: TextTerms): string {
  return terms.lexemes
    .map((lexeme) => `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`)
    .join(" | ");
}
