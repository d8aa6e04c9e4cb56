import { type VerifiedAnswer, verifyCitations } from "../citations/verify-citations.js";
import type { NumberedPassage } from "../search-port.js";
import { foldText } from "../text/fold-text.js";
import { keyTermsOf, matchedTerms, stemSetOf } from "../text/key-terms.js";
import { splitSentences } from "../text/sentences.js";

/** Passages the extract looks at, and sentences it quotes at most. */
const passagesLooked = 5;
const quotesShown = 3;
/** A quoted sentence longer than this is cut at a word boundary (still a verbatim substring). */
const maxQuoteChars = 400;

interface Candidate {
  readonly passage: NumberedPassage;
  readonly sentence: string;
  readonly matched: number;
  /** `matched`, with ties broken towards whole sentences that say more (not headings). */
  readonly score: number;
}

/**
 * The extractive answer (no model configured): from each of the best passages, the sentence
 * that shares the most key terms with the question; the best few, in passage order, each quoted
 * verbatim and cited. It goes through the same verification as a model's answer. Null when no
 * sentence shares a key term with the question.
 */
export function extractAnswer(
  question: string,
  passages: readonly NumberedPassage[],
): (VerifiedAnswer & { readonly used: ReadonlySet<number> }) | null {
  const terms = keyTermsOf(question);
  const candidates: Candidate[] = [];
  for (const passage of passages.slice(0, passagesLooked)) {
    const best = bestSentence(passage, terms);
    if (best) candidates.push(best);
  }
  // Overlapping chunks hold the same sentence: it is quoted once.
  const seen = new Set<string>();
  const chosen = candidates
    .filter((candidate) => terms.length === 0 || candidate.matched > 0)
    .sort((a, b) => b.score - a.score || a.passage.index - b.passage.index)
    .filter((candidate) => {
      const key = foldText(candidate.sentence).text;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, quotesShown)
    .sort((a, b) => a.passage.index - b.passage.index);
  if (chosen.length === 0) return null;
  const body = chosen.map((c) => `\u201C${c.sentence}\u201D [${c.passage.index}]`).join("\n");
  const quotes = new Map(chosen.map((c) => [c.passage.index, [c.sentence]]));
  const verified = verifyCitations({ body, quotes }, passages);
  return { ...verified, used: new Set(passages.slice(0, passagesLooked).map((p) => p.index)) };
}

function bestSentence(passage: NumberedPassage, terms: readonly string[]): Candidate | null {
  let best: Candidate | null = null;
  for (const sentence of splitSentences(passage.content, { paragraphs: true })) {
    // Shown on one line; the whitespace folds away when the quote is verified.
    const text = shorten(sentence.text.replace(/\s+/g, " "));
    const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
    if (words < 3) continue;
    const matched = matchedTerms(terms, stemSetOf(text));
    const whole = /[.!?]["'\u201D\u2019)]*$/.test(text) ? 0.5 : 0;
    const score = matched + whole + (0.2 * Math.min(words, 25)) / 25;
    if (!best || score > best.score) best = { passage, sentence: text, matched, score };
  }
  return best;
}

function shorten(sentence: string): string {
  if (sentence.length <= maxQuoteChars) return sentence;
  const cut = sentence.lastIndexOf(" ", maxQuoteChars);
  return sentence.slice(0, cut > 0 ? cut : maxQuoteChars);
}
