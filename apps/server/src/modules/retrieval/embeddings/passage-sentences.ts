import { splitSentences } from "../../../platform/text/index.js";

/** A sentence of a passage as sentence-level embedding sees it, with its offsets in the passage. */
export interface PassageSentence {
  /** NFKC, whitespace folded: what is embedded and what the embedding cache is keyed by. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Shorter pieces (a stray "a)" or page number) say nothing a model can place. */
const minSentenceChars = 4;

/**
 * The sentences of a passage of document text: wrapped lines joined, a heading or list item on
 * its own. The one splitting that both sentence-pooled embedding and sentence re-ranking use, so
 * that the sentences a re-rank embeds are the very texts ingestion cached. A text without a
 * usable sentence is one sentence.
 */
export function passageSentences(passage: string): PassageSentence[] {
  const sentences = splitSentences(passage, { paragraphs: true })
    .map((sentence) => ({ ...sentence, text: foldWhitespace(sentence.text) }))
    .filter((sentence) => sentence.text.length >= minSentenceChars);
  if (sentences.length > 0) return sentences;
  return [{ text: foldWhitespace(passage), start: 0, end: passage.length }];
}

function foldWhitespace(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, " ").trim();
}

/** The unit-length mean of sentence vectors: a passage's vector under sentence pooling. */
export function pooledVector(vectors: readonly (readonly number[])[]): number[] {
  const mean = new Array<number>(vectors[0]?.length ?? 0).fill(0);
  for (const vector of vectors) {
    for (let i = 0; i < mean.length; i++) mean[i] = (mean[i] as number) + (vector[i] ?? 0);
  }
  let sum = 0;
  for (const value of mean) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  return mean.map((value) => value / norm);
}
