/**
 * Splits text into the short, sentence-like segments the NER recognizer runs on. Boundaries are
 * decided reading forward from a segment's start only, so a streaming reader that has seen a prefix
 * of the text places them exactly where a reader of the whole text does; that is what lets the
 * streaming redactor reproduce `detectPii` on names and places.
 */

/** Longest segment; also the most text the streaming redactor holds back while NER is on. */
export const MAX_SEGMENT_LENGTH = 256;

const LINE_FEED = 10;
/** Words whose trailing period does not end a sentence ("Dr. Angela Merkel"). */
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "jr",
  "sr",
  "mt",
  "ft",
  "gen",
  "col",
  "capt",
  "lt",
  "sgt",
  "rev",
  "hon",
  "vs",
  "etc",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "e.g",
  "i.e",
]);

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** True when the period at `dot` closes an abbreviation or an initial ("J. Smith"). */
function endsAbbreviation(text: string, segmentStart: number, dot: number): boolean {
  let wordStart = dot;
  while (wordStart > segmentStart && !isWhitespace(text.charCodeAt(wordStart - 1))) wordStart--;
  const word = text.slice(wordStart, dot).toLowerCase();
  return (word.length === 1 && /\p{L}/u.test(word)) || ABBREVIATIONS.has(word);
}

/**
 * The end (exclusive) of the segment starting at `start`, or undefined when `text` does not yet
 * hold enough to tell and more may come (`final` false). A segment ends after a newline, after
 * `.`, `!` or `?` followed by whitespace, or, failing those within MAX_SEGMENT_LENGTH, after the
 * last whitespace inside that limit.
 */
export function segmentEnd(text: string, start: number, final: boolean): number | undefined {
  if (start >= text.length) return undefined;
  const limit = start + MAX_SEGMENT_LENGTH;
  const scanEnd = Math.min(text.length, limit);
  for (let i = start; i < scanEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_FEED) return i + 1;
    if (code !== 46 && code !== 33 && code !== 63) continue;
    if (i + 1 >= text.length) return final ? text.length : undefined;
    if (!isWhitespace(text.charCodeAt(i + 1))) continue;
    if (code === 46 && endsAbbreviation(text, start, i)) continue;
    return i + 1;
  }
  if (text.length >= limit) {
    for (let j = limit - 1; j > start; j--) {
      if (isWhitespace(text.charCodeAt(j))) return j + 1;
    }
    return limit;
  }
  return final ? text.length : undefined;
}
