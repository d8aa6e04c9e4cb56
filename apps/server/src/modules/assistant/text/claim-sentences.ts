const markerPattern = /\[\d+\]/g;

/**
 * A claim sentence states something: at least four words once its markers are removed, and not
 * a question, a heading (`# …`) or a lead-in that ends with a colon.
 */
export function isClaimSentence(sentence: string): boolean {
  const bare = sentence.replace(markerPattern, "").trim();
  if (bare.startsWith("#")) return false;
  if (/[:?]$/.test(bare)) return false;
  const words = bare.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 4;
}

/** The marker numbers a sentence carries. */
export function markersOf(sentence: string): number[] {
  return [...sentence.matchAll(markerPattern)].map((match) => Number(match[0].slice(1, -1)));
}
