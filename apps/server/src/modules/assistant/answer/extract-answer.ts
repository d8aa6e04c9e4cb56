import { splitSentences } from "../../../platform/text/index.js";
import { citeQuote, type VerifiedAnswer, verifyCitations } from "../citations/verify-citations.js";
import { termsToShow } from "../retrieve/evidence-terms.js";
import type { NumberedPassage } from "../search-port.js";
import { questionTermsOf, stemSetOf, termsIn } from "../text/key-terms.js";

/** Evidence passages the extract looks at, and sentences it quotes at most. */
const passagesLooked = 5;
const quotesShown = 2;
/** A quoted sentence longer than this is cut at a word boundary (still a verbatim substring). */
const maxQuoteChars = 400;
/**
 * Question terms a sentence must hold to be quoted as the answer (all of them when the question
 * has fewer): one shared word is a coincidence of vocabulary, two in one sentence a statement
 * about what was asked.
 */
export const minSupportingTerms = 2;

interface Candidate {
  readonly passage: NumberedPassage;
  readonly sentence: string;
  /** The question terms the sentence holds. */
  readonly terms: ReadonlySet<string>;
  /** Ties between sentences holding as many terms broken towards whole sentences that say more. */
  readonly tieBreak: number;
}

/**
 * The extractive answer (no model configured): sentences of the best evidence passage that state
 * what the question asks, quoted verbatim and cited. Only a supporting sentence is quoted: one
 * holding at least `minSupportingTerms` of the question's terms (those of the document's name
 * aside, as in the evidence gate). The lead quote is the strongest supporting sentence of the
 * first evidence passage that has one, looking only at the first few passages of the best
 * (first) evidence passage's document: another document that merely shares words with the
 * question is weaker evidence than the best document's own. Then, while there is room, the
 * supporting sentence of the same passage that adds the most question terms not yet quoted ("how
 * long is it guaranteed, and on what conditions" may take two). No other passage is quoted: one
 * further down that shares a word or two with the question is rarely the answer, and every
 * citation should support it. Quotes go through the same verification as a model's answer.
 *
 * `asked` is the question as the user put it when `question` is its standalone rewrite. In a
 * follow-up ("When did it close?" → "When did it close? acme mill founded") the user's own words
 * say what is asked and the carried-over ones only place it, so the lead quote is the first that
 * holds the most of the user's own terms.
 *
 * Null when no passage looked at has a supporting sentence: they share words with the question
 * but none states an answer to it.
 */
export function extractAnswer(
  question: string,
  passages: readonly NumberedPassage[],
  asked: string = question,
): (VerifiedAnswer & { readonly used: ReadonlySet<number> }) | null {
  const best = passages[0];
  if (!best) return null;
  const looked = passages
    .slice(0, passagesLooked)
    .filter((passage) => passage.document_id === best.document_id);
  const terms = termsToShow(questionTermsOf(question), best);
  const needed = Math.min(minSupportingTerms, terms.length);
  const quantity = asksForQuantity(asked);
  const amount = asksForAmount(asked);
  // In rank order, and strongest first within each passage.
  const supporting = looked.flatMap((passage) =>
    candidatesOf(passage, terms, quantity)
      .filter((candidate) => candidate.terms.size >= needed)
      .filter((candidate) => !amount || statesAmount(candidate.sentence))
      .sort(byStrength),
  );
  const own = new Set(asked === question ? [] : questionTermsOf(asked));
  const ownHeld = (candidate: Candidate) => [...candidate.terms].filter((term) => own.has(term)).length;
  let lead: Candidate | undefined;
  for (const candidate of supporting) if (!lead || ownHeld(candidate) > ownHeld(lead)) lead = candidate;
  if (!lead) return null;
  const leadPassage = lead.passage;
  const chosen = [
    lead,
    ...addedQuotes(
      lead,
      supporting.filter((candidate) => candidate.passage === leadPassage),
    ),
  ];

  const body = chosen.map((c) => `\u201C${c.sentence}\u201D [${leadPassage.index}]`).join("\n");
  const verified = verifyCitations(
    { body, quotes: new Map([[leadPassage.index, [lead.sentence]]]) },
    passages,
  );
  // Each further quote gets a citation of its own, so that it is highlighted too.
  const further =
    verified.citations.length === 0
      ? []
      : chosen.slice(1).flatMap((candidate) => citeQuote(leadPassage, candidate.sentence) ?? []);
  return {
    ...verified,
    citations: [...verified.citations, ...further],
    used: new Set(looked.map((p) => p.index)),
  };
}

function byStrength(a: Candidate, b: Candidate): number {
  return b.terms.size - a.terms.size || b.tieBreak - a.tieBreak;
}

/** Greedily, the supporting sentences that add question terms the quotes so far lack. */
function addedQuotes(lead: Candidate, supporting: readonly Candidate[]): Candidate[] {
  const added: Candidate[] = [];
  const covered = new Set(lead.terms);
  while (added.length + 1 < quotesShown) {
    let next: Candidate | null = null;
    let gain = 0;
    for (const candidate of supporting) {
      const adds = [...candidate.terms].filter((term) => !covered.has(term)).length;
      if (adds > gain) {
        next = candidate;
        gain = adds;
      }
    }
    if (!next) break;
    added.push(next);
    for (const term of next.terms) covered.add(term);
  }
  return added;
}

function candidatesOf(passage: NumberedPassage, terms: readonly string[], quantity: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  for (const sentence of splitSentences(passage.content, { paragraphs: true })) {
    // Shown on one line; the whitespace folds away when the quote is verified.
    const text = shorten(sentence.text.replace(/\s+/g, " "));
    const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if (words < 3 || /^#/.test(text)) continue;
    const held = new Set(termsIn(terms, stemSetOf(text)));
    const whole = /[.!?]["'\u201D\u2019)]*$/.test(text) ? 0.5 : 0;
    const answersQuantity = quantity && /\d/.test(text) ? 0.5 : 0;
    candidates.push({
      passage,
      sentence: text,
      terms: held,
      tieBreak: answersQuantity + whole + (0.2 * Math.min(words, 25)) / 25,
    });
  }
  return candidates;
}

/**
 * Whether the question asks for an amount, a time or a date ("how many", "how long", "when",
 * "what does it cost"): between sentences that hold as many of its terms, one with a number is
 * likelier to answer it.
 */
export function asksForQuantity(question: string): boolean {
  return quantityQuestion.test(question);
}

/**
 * Whether the question asks for an amount: its question sentence opens with "how many", "how
 * much", "what does … cost/charge/pay" or "what is the … price/fee/rate/…". Such a question is
 * answered only by a sentence that states an amount: one that shares its words but gives no
 * number ("Admission supports the museum's collections") is not an answer, and quoting it would
 * cite a passage that does not say what was asked. Narrower than `asksForQuantity`: "how does
 * the city decide how much…" or "can I exceed the nightly rate?" ask for no amount.
 */
export function asksForAmount(question: string): boolean {
  const sentences = question.split(/(?<=[.!?])\s+/).map((sentence) => sentence.trim());
  const asked = sentences.filter((sentence) => sentence.endsWith("?")).at(-1) ?? question.trim();
  return amountQuestion.test(asked);
}

const amountQuestion =
  /^(?:how\s+(?:many|much)\b|what\s+(?:does|do|did|will|would)\b.*\b(?:cost|charge|pay)\b|what(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}\p{N}-]+\s+){0,3}(?:costs?|prices?|fees?|charges?|rates?|fares?|tolls?|fines?|deposits?|penalt(?:y|ies)|amounts?)\b)/iu;

/** A number in digits or words, or "free": what a sentence that gives an amount holds. */
export function statesAmount(sentence: string): boolean {
  return /\p{N}/u.test(sentence) || amountWords.test(sentence);
}

const amountWords =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|dozen|half|quarter|once|twice|free|no charge)\b/i;

const quantityQuestion =
  /\bhow\s+(?:many|much|long|often|far|old|soon|early|late|big|large|high|heavy|fast)\b|\bwhen\b|\b(?:costs?|prices?|fees?|charges?|rates?|percent(?:age)?|dates?|deadlines?)\b/i;

function shorten(sentence: string): string {
  if (sentence.length <= maxQuoteChars) return sentence;
  const cut = sentence.lastIndexOf(" ", maxQuoteChars);
  return sentence.slice(0, cut > 0 ? cut : maxQuoteChars);
}
