/** Character classes the chunker needs, on UTF-16 code units (no regex: these run per character). */

/** The same set as JavaScript's `\s`. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Han, kana, Hangul syllables, CJK and full-width punctuation: scripts written without spaces,
 * where a break between two characters is acceptable. Combining kana marks (U+3099–309A) excluded.
 */
export function isCjkBreakable(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff01 && code <= 0xff60)
  );
}

/** First non-whitespace position in [pos, limit), or `limit`. */
export function skipWhitespace(text: string, pos: number, limit: number): number {
  let p = pos;
  while (p < limit && isWhitespace(text.charCodeAt(p))) p++;
  return p;
}

/** Largest q in [floor, pos] with no whitespace just before it (or `floor`). */
export function trimWhitespaceBefore(text: string, floor: number, pos: number): number {
  let p = pos;
  while (p > floor && isWhitespace(text.charCodeAt(p - 1))) p--;
  return p;
}

/** True when `text` has anything but whitespace in [from, to). */
export function hasContent(text: string, from: number, to: number): boolean {
  return skipWhitespace(text, from, to) < to;
}
