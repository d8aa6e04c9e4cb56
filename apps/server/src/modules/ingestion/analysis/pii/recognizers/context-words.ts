/**
 * True when `pattern` matches within the `window` characters before `start`. Context words raise
 * confidence (or, for bare 9-digit SSNs, are required); reading only a bounded window keeps the
 * recognizer's decisions local, which the streaming redactor depends on.
 */
export function hasContextBefore(text: string, start: number, pattern: RegExp, window: number): boolean {
  return pattern.test(text.slice(Math.max(0, start - window), start));
}
