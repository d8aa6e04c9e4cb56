import { splitSentences, titleBlockEnd } from "../../../platform/text/index.js";
import { citeQuote, type VerifiedAnswer, verifyCitations } from "../citations/verify-citations.js";
import { termsToShow } from "../retrieve/evidence-terms.js";
import type { NumberedPassage } from "../search-port.js";
import { questionTermsOf, stemSetOf, termsIn } from "../text/key-terms.js";
import { expectedAnswerKind, statesAnswerKind, statesOtherQuantity } from "./answer-kind.js";

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

/**
 * When the search re-ranked by sentence (decision 0018), a supporting sentence must also be at
 * least this similar to the question (cosine): two of its words in one sentence can still be a
 * statement about something else ("Are there EV charging stations?" and "A fee per vehicle is
 * charged at the pay station").
 */
export const minSimilarity = 0.45;

interface Candidate {
  readonly passage: NumberedPassage;
  readonly sentence: string;
  /** The question terms the sentence holds. */
  readonly terms: ReadonlySet<string>;
  /** The sentence's similarity to the question when the search re-ranked by sentence, else null. */
  readonly similarity: number | null;
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
 * question is weaker evidence than the best document's own. When the search re-ranked by
 * sentence, a supporting sentence must also be `minSimilarity` close to the question, and the
 * lead is the supporting sentence closest to it (its similarity, its terms, its passage's place).
 * A question that asks for money, a count, a date, a duration or a number (`expectedAnswerKind`)
 * is answered only by a sentence that states one. Then, while there is room, the
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
  const kind = expectedAnswerKind(asked);
  const supports = (candidate: Candidate) =>
    candidate.terms.size >= needed &&
    (candidate.similarity === null || candidate.similarity >= minSimilarity);
  // In rank order, and strongest first within each passage.
  const supporting = looked.flatMap((passage) =>
    candidatesOf(passage, terms, kind !== null)
      .filter(supports)
      .sort(byStrength),
  );
  // The lead must state the kind of answer asked for; a further quote may add the rest.
  const answering = supporting.filter(
    (candidate) =>
      (kind === null || statesAnswerKind(candidate.sentence, kind)) &&
      !statesOtherQuantity(asked, candidate.sentence),
  );
  const own = new Set(asked === question ? [] : questionTermsOf(asked));
  const ownHeld = (candidate: Candidate) => [...candidate.terms].filter((term) => own.has(term)).length;
  let lead: Candidate | undefined;
  for (const candidate of answering) if (!lead || ownHeld(candidate) > ownHeld(lead)) lead = candidate;
  // With sentence similarities, the sentence closest to what was asked leads.
  if (lead && own.size === 0 && answering.every((candidate) => candidate.similarity !== null)) {
    const position = new Map(looked.map((passage, i) => [passage, i]));
    const closeness = (candidate: Candidate) =>
      (candidate.similarity ?? 0) +
      termWeight * candidate.terms.size -
      positionWeight * (position.get(candidate.passage) ?? 0);
    for (const candidate of answering) if (closeness(candidate) > closeness(lead)) lead = candidate;
  }
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

/**
 * How close a sentence is to the question: its similarity, a little more for each question term
 * it holds, a little less for each place its passage sits below the best (the search's order is
 * evidence too).
 */
const termWeight = 0.02;
const positionWeight = 0.02;

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
  const similarity = new Map(passage.sentences?.map((scored) => [scored.start, scored.score]));
  const titleEnd = titleEndIn(passage);
  for (const sentence of splitSentences(passage.content, { paragraphs: true })) {
    if (sentence.start < titleEnd) continue;
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
      similarity: similarity.get(sentence.start) ?? null,
      tieBreak: answersQuantity + whole + (0.2 * Math.min(words, 25)) / 25,
    });
  }
  return candidates;
}

/**
 * Where the document's title block ends in the passage (0 when it holds none). "Annual Report,
 * Fiscal Year 2023, covering July 1, 2022 to June 30, 2023" holds dates, but it names the
 * document; it answers nothing.
 */
function titleEndIn(passage: NumberedPassage): number {
  return passage.chunk_index === 0 ? titleBlockEnd(passage.content) : 0;
}

function shorten(sentence: string): string {
  if (sentence.length <= maxQuoteChars) return sentence;
  const cut = sentence.lastIndexOf(" ", maxQuoteChars);
  return sentence.slice(0, cut > 0 ? cut : maxQuoteChars);
}
