import type { Spans } from "../text/spans.js";

/**
 * Terms: a run of letters/marks/digits, except that Han and kana characters (written without spaces)
 * are one term each.
 */
const TERM =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+/gu;

/**
 * For each gap between sentence i and i+1, the cosine similarity of the TF-IDF vectors of the
 * `span` sentences before the gap and the `span` sentences after it (0 = nothing shared, 1 = same
 * words). Low values mark topic shifts.
 *
 * The two windows slide one sentence per gap and their dot product and norms are updated term by
 * term, so the whole pass is linear in the number of words.
 */
export function adjacentWindowSimilarity(text: string, sentences: Spans, span: number): Float64Array {
  const count = sentences.starts.length;
  if (count < 2) return new Float64Array(0);
  const { terms, termStarts, vocabulary } = indexTerms(text, sentences);
  const weight = inverseDocumentFrequency(terms, termStarts, vocabulary, count);

  const left = new Float64Array(vocabulary);
  const right = new Float64Array(vocabulary);
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  const move = (sentence: number, side: "left" | "right", sign: 1 | -1): void => {
    if (sentence < 0 || sentence >= count) return;
    const [own, other] = side === "left" ? [left, right] : [right, left];
    let norm = 0;
    for (let k = termStarts[sentence] ?? 0; k < (termStarts[sentence + 1] ?? 0); k++) {
      const term = terms[k] ?? 0;
      const delta = sign * (weight[term] ?? 0);
      const before = own[term] ?? 0;
      const after = before + delta;
      own[term] = after;
      norm += after * after - before * before;
      dot += delta * (other[term] ?? 0);
    }
    if (side === "left") leftNorm = Math.max(0, leftNorm + norm);
    else rightNorm = Math.max(0, rightNorm + norm);
  };

  move(0, "left", 1);
  for (let i = 1; i <= span; i++) move(i, "right", 1);
  const similarity = new Float64Array(count - 1);
  for (let gap = 0; gap < count - 1; gap++) {
    const denominator = Math.sqrt(leftNorm * rightNorm);
    similarity[gap] = denominator > 0 ? Math.min(1, Math.max(0, dot / denominator)) : 0;
    // Slide: sentence gap+1 crosses from right to left; the windows drop and take one at their ends.
    move(gap + 1, "right", -1);
    move(gap + 1, "left", 1);
    move(gap + 1 - span, "left", -1);
    move(gap + 1 + span, "right", 1);
  }
  return similarity;
}

/** Every sentence's terms as ids into one flat array; sentence i owns terms[termStarts[i] .. termStarts[i+1]). */
function indexTerms(
  text: string,
  sentences: Spans,
): { terms: Int32Array; termStarts: Int32Array; vocabulary: number } {
  const ids = new Map<string, number>();
  const terms: number[] = [];
  const count = sentences.starts.length;
  const termStarts = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    termStarts[i] = terms.length;
    const sentence = text.slice(sentences.starts[i] ?? 0, sentences.ends[i] ?? 0).toLowerCase();
    for (const [term] of sentence.matchAll(TERM)) {
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
      }
      terms.push(id);
    }
  }
  termStarts[count] = terms.length;
  return { terms: Int32Array.from(terms), termStarts, vocabulary: ids.size };
}

/** ln(1 + N / df): words in every sentence weigh little, rare shared words a lot. */
function inverseDocumentFrequency(
  terms: Int32Array,
  termStarts: Int32Array,
  vocabulary: number,
  sentenceCount: number,
): Float64Array {
  const documentFrequency = new Int32Array(vocabulary);
  const lastSeen = new Int32Array(vocabulary).fill(-1);
  for (let i = 0; i < sentenceCount; i++) {
    for (let k = termStarts[i] ?? 0; k < (termStarts[i + 1] ?? 0); k++) {
      const term = terms[k] ?? 0;
      if (lastSeen[term] !== i) {
        lastSeen[term] = i;
        documentFrequency[term] = (documentFrequency[term] ?? 0) + 1;
      }
    }
  }
  const weight = new Float64Array(vocabulary);
  for (let t = 0; t < vocabulary; t++)
    weight[t] = Math.log(1 + sentenceCount / Math.max(1, documentFrequency[t] ?? 1));
  return weight;
}
