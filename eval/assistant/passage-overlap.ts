/**
 * How much of a gold passage a retrieved or cited chunk contains, measured on words so that
 * extraction differences (Markdown and HTML markup, table pipes, PDF line breaks, bullets) do not
 * matter, while the order of the words still does.
 *
 * Definition: both texts become lists of normalised words (Unicode NFKD, diacritics dropped,
 * lower case, every run of characters other than letters and digits is a separator, so "$3,500"
 * is ["3", "500"]). A gold word counts as covered when it lies inside a run of at least
 * `minRun` consecutive gold words (4, or the whole passage when it is shorter) that also occurs
 * consecutively in the chunk. Coverage is covered words ÷ gold words. A chunk overlaps the gold
 * passage when its coverage is at least `overlapThreshold` (0.6).
 *
 * Why not offsets: chunk offsets index the extracted text, which differs from the source file for
 * Markdown, HTML, PDF and DOCX. Why 0.6: chunks of 1,000 characters overlapping by 200 always hold
 * most of a ≤ 300-character passage in one chunk, and a chunk boundary may cut the rest.
 */
export const overlapThreshold = 0.6;
const defaultMinRun = 4;

/** The normalised words of a text. */
export function normalisedWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The share (0–1) of the gold passage's words that the chunk contains in runs of ≥ `minRun`. */
export function goldCoverage(gold: string, chunk: string, minRun = defaultMinRun): number {
  const goldWords = normalisedWords(gold);
  const chunkWords = normalisedWords(chunk);
  if (goldWords.length === 0) return 0;
  const run = Math.min(minRun, goldWords.length);
  const covered = new Array<boolean>(goldWords.length).fill(false);
  // previous[j] / current[j]: length of the common run ending at gold word i-1 / i and chunk word j-1.
  let previous = new Array<number>(chunkWords.length + 1).fill(0);
  for (let i = 1; i <= goldWords.length; i++) {
    const current = new Array<number>(chunkWords.length + 1).fill(0);
    for (let j = 1; j <= chunkWords.length; j++) {
      if (goldWords[i - 1] !== chunkWords[j - 1]) continue;
      const length = (previous[j - 1] ?? 0) + 1;
      current[j] = length;
      if (length >= run) covered.fill(true, i - length, i);
    }
    previous = current;
  }
  return covered.filter(Boolean).length / goldWords.length;
}

/** Whether the chunk overlaps the gold passage in the sense defined above. */
export function overlapsGold(gold: string, chunk: string): boolean {
  return goldCoverage(gold, chunk) >= overlapThreshold;
}

/** Collapses every run of whitespace to one space and trims: how citation quotes are verified. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Whether a citation's quote occurs in its chunk after whitespace normalisation. */
export function quoteOccursIn(quote: string, chunk: string): boolean {
  const normalised = collapseWhitespace(quote);
  return normalised.length > 0 && collapseWhitespace(chunk).includes(normalised);
}
