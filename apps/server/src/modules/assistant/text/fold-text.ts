/**
 * Text folded for comparing a quote with its passage: Unicode compatibility forms (NFKC), lower
 * case, typographic quotes and dashes as ASCII, soft hyphens dropped and every whitespace run as
 * one space. `origin[i]` is where folded character `i` came from, so a match maps back to exact
 * offsets in the original text.
 */
export interface FoldedText {
  readonly text: string;
  readonly origin: readonly number[];
  /** Length, in UTF-16 units, of the original code point at each origin. */
  readonly originLength: readonly number[];
}

const singleQuotes = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g;
const doubleQuotes = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const dashes = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;

export function foldText(original: string): FoldedText {
  let text = "";
  const origin: number[] = [];
  const originLength: number[] = [];
  let pendingSpace = false;
  let index = 0;
  for (const codePoint of original) {
    const at = index;
    index += codePoint.length;
    if (/\s/u.test(codePoint)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (codePoint === "\u00AD") continue;
    const folded = codePoint
      .normalize("NFKC")
      .toLowerCase()
      .replace(singleQuotes, "'")
      .replace(doubleQuotes, '"')
      .replace(dashes, "-");
    if (pendingSpace) {
      text += " ";
      origin.push(at);
      originLength.push(0);
      pendingSpace = false;
    }
    for (const char of folded) {
      if (/\s/u.test(char)) continue;
      text += char;
      origin.push(at);
      originLength.push(codePoint.length);
    }
  }
  return { text, origin, originLength };
}

/** The quote as compared: folded, without surrounding quote marks or ellipses. */
export function foldQuote(quote: string): string {
  return foldText(quote)
    .text.replace(/^(?:["'\s]|\.\.\.)+/, "")
    .replace(/(?:["'\s]|\.\.\.)+$/, "");
}

/** Where `quote` occurs in `haystack`, in the original's offsets; null when it does not. */
export function locateQuote(
  haystack: FoldedText,
  quote: string,
): { readonly start: number; readonly end: number } | null {
  const needle = foldQuote(quote);
  if (needle.length === 0) return null;
  let at = haystack.text.indexOf(needle);
  // A quote that ends with the sentence's full stop may also be matched without it.
  if (at < 0 && /[.!?,;:]$/.test(needle)) {
    const trimmed = needle.slice(0, -1);
    at = trimmed.length > 0 ? haystack.text.indexOf(trimmed) : -1;
    if (at < 0) return null;
    return span(haystack, at, at + trimmed.length);
  }
  if (at < 0) return null;
  return span(haystack, at, at + needle.length);
}

function span(haystack: FoldedText, from: number, to: number) {
  const start = haystack.origin[from] ?? 0;
  const last = to - 1;
  const end = (haystack.origin[last] ?? start) + (haystack.originLength[last] ?? 0);
  return { start, end };
}
