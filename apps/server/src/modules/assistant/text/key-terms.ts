import { stemEnglish } from "./english-stemmer.js";

/**
 * Key terms: the words of a question that carry its topic (not stop words, not the words every
 * question uses), stemmed as the BM25 text retriever stems them (PostgreSQL's `english`
 * configuration: its stop words and the Snowball English stemmer), so that the evidence gate and
 * the extract count as shared exactly the words that retrieval matched. Used by the evidence
 * gate, the extractive answer and the deterministic follow-up rewrite.
 */

/** PostgreSQL's `english` stop words (the Snowball English list): retrieval ignores them too. */
const retrievalStopwords =
  "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she " +
  "her hers herself it its itself they them their theirs themselves what which who whom this that " +
  "these those am is are was were be been being have has had having do does did doing a an the and " +
  "but if or because as until while of at by for with about against between into through during " +
  "before after above below to from up down in out on off over under again further then once here " +
  "there when where why how all any both each few more most other some such no nor not only own " +
  "same so than too very s t can will just don should now";

const stopwords = new Set(
  (
    `${retrievalStopwords} ` +
    // Modal verbs and other function words the retriever keeps but that say nothing of a topic.
    "also cannot could either else ever let like many may might much must ought shall upon via " +
    "whether whose within without would yes yet " +
    // Adverbs the list lacks beside its "up", "down", "out" and "off", which like them mostly
    // finish a phrasal verb: "how much do I get back" asks for a refund, and "the trip back to
    // the mainland" does not answer it.
    "away back " +
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

/** A word's stem as the text retriever indexes it (Snowball English). */
export function stemOf(word: string): string {
  return stemEnglish(word);
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

/**
 * The key terms of a question, less the word that makes a "how" question ("how long", "how
 * many", "how often", "how far"): it names what kind of answer is wanted (a duration, a count),
 * not what the question is about, and a passage that answers rarely repeats it ("how long does
 * the crossing take" is answered by "the crossing takes about 55 minutes").
 */
export function questionTermsOf(question: string): string[] {
  const words = wordsOf(question);
  const asked = new Set<string>();
  for (const [index, word] of words.entries()) {
    const next = words[index + 1];
    if (word === "how" && next !== undefined) asked.add(next);
  }
  return [...new Set(words.filter((word) => isKeyWord(word) && !asked.has(word)).map(stemOf))];
}

/** The stems a text contains, for repeated coverage checks. */
export function stemSetOf(text: string): ReadonlySet<string> {
  return new Set(wordsOf(text).map(stemOf));
}

/** The terms a text contains (same stem: retrieval matches no other way). */
export function termsIn(terms: readonly string[], stems: ReadonlySet<string>): string[] {
  return terms.filter((term) => stems.has(term));
}

/** How many of `terms` a text contains. */
export function matchedTerms(terms: readonly string[], stems: ReadonlySet<string>): number {
  return termsIn(terms, stems).length;
}

/** Fraction of `terms` the text contains; 1 when there are no terms to look for. */
export function termCoverage(terms: readonly string[], stems: ReadonlySet<string>): number {
  if (terms.length === 0) return 1;
  return matchedTerms(terms, stems) / terms.length;
}
