import type { AssistantCitation } from "@tributary/contracts";
import { splitSentences } from "../../../platform/text/index.js";
import type { NumberedPassage } from "../search-port.js";
import { isClaimSentence, markersOf } from "../text/claim-sentences.js";
import { type FoldedText, foldQuote, foldText, locateQuote } from "../text/fold-text.js";
import type { ParsedModelAnswer } from "./parse-model-answer.js";

export interface VerifiedAnswer {
  /** The answer with only verified markers left. */
  readonly answer: string;
  readonly citations: AssistantCitation[];
  readonly warnings: string[];
  /** Every claim sentence carries a verified citation and no citation was dropped. */
  readonly grounded: boolean;
}

/** Quotes shorter than this many words prove nothing ("the", "in 1887"). */
const minQuoteWords = 2;

/**
 * Keeps a citation only when its quote occurs in the cited passage's chunk after folding
 * (whitespace, case, quote marks, dashes); its offsets are the quote's exact place in the
 * document's text. Markers whose citation does not verify, or that name no passage, are removed.
 */
export function verifyCitations(
  parsed: Pick<ParsedModelAnswer, "body" | "quotes">,
  passages: readonly NumberedPassage[],
): VerifiedAnswer {
  const byIndex = new Map(passages.map((passage) => [passage.index, passage]));
  const warnings: string[] = [];
  const citations: AssistantCitation[] = [];
  const verified = new Set<number>();
  let dropped = false;
  const cited = [...new Set(markersOf(parsed.body))].sort((a, b) => a - b);
  for (const index of cited) {
    const passage = byIndex.get(index);
    if (!passage) {
      warnings.push(`Marker [${index}] pointed to no passage and was removed`);
      continue;
    }
    const candidates = parsed.quotes.get(index) ?? [];
    const citation = firstVerified(passage, candidates);
    if (citation) {
      citations.push(citation);
      verified.add(index);
      continue;
    }
    dropped = true;
    warnings.push(
      candidates.length === 0
        ? `Citation [${index}] was dropped: no supporting quote was given`
        : `Citation [${index}] was dropped: its quote does not occur in passage ${index}`,
    );
  }
  const answer = cleanMarkers(parsed.body, verified);
  const unsupported = splitSentences(answer).filter(
    (sentence) => isClaimSentence(sentence.text) && markersOf(sentence.text).length === 0,
  ).length;
  if (unsupported > 0) {
    warnings.push(
      `${unsupported} ${unsupported === 1 ? "sentence states" : "sentences state"} something without a verified citation`,
    );
  }
  return { answer, citations, warnings, grounded: !dropped && unsupported === 0 };
}

function firstVerified(passage: NumberedPassage, quotes: readonly string[]): AssistantCitation | null {
  const folded = foldText(passage.content);
  for (const quote of quotes) {
    const citation = citationAt(passage, folded, quote);
    if (citation) return citation;
  }
  return null;
}

/** The citation of `quote` in the passage, with its exact offsets; null when it does not verify. */
export function citeQuote(passage: NumberedPassage, quote: string): AssistantCitation | null {
  return citationAt(passage, foldText(passage.content), quote);
}

function citationAt(passage: NumberedPassage, folded: FoldedText, quote: string): AssistantCitation | null {
  if ((foldQuote(quote).match(/[\p{L}\p{N}]+/gu) ?? []).length < minQuoteWords) return null;
  const found = locateQuote(folded, quote);
  if (!found) return null;
  const base = passage.start_offset;
  return {
    index: passage.index,
    document_id: passage.document_id,
    document_name: passage.document_name,
    chunk_id: passage.chunk_id,
    page: passage.page,
    start_offset: base === null ? null : base + found.start,
    end_offset: base === null ? null : base + found.end,
    quote: passage.content.slice(found.start, found.end),
    score: passage.score,
  };
}

/** Removes unverified markers, repeated ones, and the spaces they leave before punctuation. */
function cleanMarkers(body: string, verified: ReadonlySet<number>): string {
  return body
    .replace(/\[(\d+)\]/g, (marker, n: string) => (verified.has(Number(n)) ? marker : ""))
    .replace(/(\[\d+\])(?:\s*\1)+/g, "$1")
    .replace(/[ \t]+([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}
