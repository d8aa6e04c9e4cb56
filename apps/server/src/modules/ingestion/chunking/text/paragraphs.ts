import { isWhitespace, skipWhitespace, trimWhitespaceBefore } from "./characters.js";
import { emptySpans, type Spans } from "./spans.js";

/**
 * Paragraphs of text[from, to): runs separated by a blank line (a whitespace run holding two or more
 * line breaks), a form feed (PDF page break) or U+2029.
 */
export function splitParagraphs(text: string, from = 0, to = text.length): Spans {
  const spans = emptySpans();
  let start = skipWhitespace(text, from, to);
  let p = start;
  while (p < to) {
    if (!isWhitespace(text.charCodeAt(p))) {
      p++;
      continue;
    }
    const runStart = p;
    let lineBreaks = 0;
    let hardBreak = false;
    while (p < to) {
      const code = text.charCodeAt(p);
      if (!isWhitespace(code)) break;
      if (code === 10 || code === 0x2028 || (code === 13 && text.charCodeAt(p + 1) !== 10)) lineBreaks++;
      else if (code === 12 || code === 0x2029) hardBreak = true;
      p++;
    }
    if (lineBreaks >= 2 || hardBreak) {
      if (runStart > start) {
        spans.starts.push(start);
        spans.ends.push(runStart);
      }
      start = p;
    }
  }
  const end = trimWhitespaceBefore(text, start, to);
  if (end > start) {
    spans.starts.push(start);
    spans.ends.push(end);
  }
  return spans;
}
