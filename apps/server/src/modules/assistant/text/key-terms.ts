/**
 * Key terms: the words of a question that carry its topic (not stop words, not the words every
 * question uses), lightly stemmed so "founded" meets "founding" and "companies" meets "company".
 * Used by the evidence gate, the extractive answer and the deterministic follow-up rewrite.
 */

const stopwords = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before " +
    "being below between both but by can cannot could did do does doing done down during each either " +
    "else ever few for from further had has have having he her here hers herself him himself his how " +
    "i if in into is it its itself just let like may me might more most much must my myself no " +
    "nor not now of off on once only or other ought our ours ourselves out over own same shall she " +
    "should so some such than that the their theirs them themselves then there these they this those " +
    "through to too under until up upon us very via was we were what when where whether which while " +
    "who whom whose why will with within without would yes yet you your yours yourself yourselves " +
    // What is left of contractions once apostrophes split words ("isn't" → "isn", "t").
    "aren couldn didn doesn hadn hasn haven isn ll re shouldn ve wasn weren wouldn " +
    // Words every question about documents uses: they say nothing about the topic.
    "according answer ask asked describe described document documents explain find give know list " +
    "mention mentioned mentions passage passages please say said says show tell text thing things"
  ).split(" "),
);

/** Lower-cased words (letters and digits) of a text, in order. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A light English stemmer: plural and common verb/adverb endings. */
export function stemOf(word: string): string {
  let stem = word;
  if (stem.length > 4 && stem.endsWith("ies")) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith("s") && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 5 && stem.endsWith("ing")) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith("ed")) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith("ly")) stem = stem.slice(0, -2);
  return stem;
}

function isKeyWord(word: string): boolean {
  if (stopwords.has(word)) return false;
  return word.length >= 2 || /\d/.test(word);
}

/** The distinct stems of a text's key words, in order of first appearance. */
export function keyTermsOf(text: string): string[] {
  return [...new Set(keyWordsOf(text).map(stemOf))];
}

/** The text's key words as written (lower case), distinct, in order. */
export function keyWordsOf(text: string): string[] {
  return [...new Set(wordsOf(text).filter(isKeyWord))];
}

/** The stems a text contains, for repeated coverage checks. */
export function stemSetOf(text: string): ReadonlySet<string> {
  return new Set(wordsOf(text).map(stemOf));
}

/** Same stem, or one a prefix of the other when both are long enough to be the same word. */
function matches(term: string, stems: ReadonlySet<string>): boolean {
  if (stems.has(term)) return true;
  if (term.length < 5) return false;
  for (const stem of stems) {
    if (stem.length < 5) continue;
    if (stem.startsWith(term) || term.startsWith(stem)) return true;
  }
  return false;
}

/** How many of `terms` a text contains. */
export function matchedTerms(terms: readonly string[], stems: ReadonlySet<string>): number {
  let found = 0;
  for (const term of terms) if (matches(term, stems)) found += 1;
  return found;
}

/** Fraction of `terms` the text contains; 1 when there are no terms to look for. */
export function termCoverage(terms: readonly string[], stems: ReadonlySet<string>): number {
  if (terms.length === 0) return 1;
  return matchedTerms(terms, stems) / terms.length;
}
