import type { SqlTx } from "../../../platform/sql/index.js";

/** Query lexemes beyond this are dropped (in query order), bounding the work a query makes per record. */
export const maxTextTerms = 32;

/** The lexemes a text query looks for in `content_tsv`, deduplicated, in query order. */
export interface TextTerms {
  readonly lexemes: readonly string[];
  /**
   * Which query word each lexeme is a form of (aligned with `lexemes`): a word's stem and its exact
   * form are two lexemes but one piece of evidence, so a record scores a word once, by its best form.
   */
  readonly words: readonly number[];
}

/**
 * The query's content words as `content_tsv` lexemes: each word's stem in the language (ISO 639-1 →
 * configuration by `retrieval_ts_config`, as the records' vectors are built) and its unstemmed
 * ('simple') form, so words the stemmer mangles or another language's words still match exactly,
 * and the exact form (usually rarer) can outscore a mere shared stem. A word the language
 * configuration drops is a stopword and contributes nothing, not even its 'simple' form: matching
 * "the" or "of" would rank the chunks richest in filler first. A hyphenated word is one word whose
 * forms include its parts. Only lexemes `to_tsvector` yields for the whole text survive (it skips
 * over-long words), so every term can occur in a record's vector. Null when no content word is left.
 */
export async function buildTextQuery(tx: SqlTx, text: string, language: string): Promise<TextTerms | null> {
  const rows = await tx.query<{ lexeme: string; word: number }>(
    `WITH words AS (
       SELECT p.at, p.token, to_tsvector(retrieval_ts_config($2), p.token) AS stems
         FROM ts_parse('default', $1) WITH ORDINALITY AS p(tokid, token, at)),
     forms AS (
       SELECT w.at, 0 AS pass, l.lexeme FROM words w, unnest(tsvector_to_array(w.stems)) AS l(lexeme)
       UNION ALL
       SELECT w.at, 1 AS pass, l.lexeme
         FROM words w, unnest(tsvector_to_array(to_tsvector('simple'::regconfig, w.token))) AS l(lexeme)
        WHERE length(w.stems) > 0)
     SELECT f.lexeme, min(f.at)::int AS word FROM forms f
      WHERE f.lexeme IN (SELECT t.lexeme FROM unnest(to_tsvector(retrieval_ts_config($2), $1) || to_tsvector('simple'::regconfig, $1)) AS t)
      GROUP BY f.lexeme ORDER BY min(f.at), min(f.pass), f.lexeme LIMIT ${maxTextTerms}`,
    [text, language],
  );
  if (rows.length === 0) return null;
  return { lexemes: rows.map((row) => row.lexeme), words: rows.map((row) => row.word) };
}

/** The terms as an OR tsquery (any term matches); lexemes are quoted, so no query syntax reaches the parser. */
export function anyTermQuery(terms: TextTerms): string {
  return terms.lexemes
    .map((lexeme) => `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`)
    .join(" | ");
}
