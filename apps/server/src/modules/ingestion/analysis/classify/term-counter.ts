const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const MAX_PHRASE_WORDS = 3;

/** Lower-case word tokens of `text`. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/**
 * Occurrences of each of `terms` (single words or phrases of up to three words, lower case)
 * in `tokens`. Phrases are matched on consecutive tokens, so punctuation between words is ignored.
 */
export function countTerms(tokens: readonly string[], terms: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    let phrase = "";
    for (let n = 0; n < MAX_PHRASE_WORDS && i + n < tokens.length; n++) {
      phrase = n === 0 ? (tokens[i] ?? "") : `${phrase} ${tokens[i + n] ?? ""}`;
      if (terms.has(phrase)) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
  }
  return counts;
}
