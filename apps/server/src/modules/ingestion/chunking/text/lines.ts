import { skipWhitespace, trimWhitespaceBefore } from "./characters.js";
import { emptySpans, type Spans } from "./spans.js";

/** Non-blank lines of text[from, to), trimmed. A fallback cut for lists, tables and code. */
export function splitLines(text: string, from = 0, to = text.length): Spans {
  const spans = emptySpans();
  let start = skipWhitespace(text, from, to);
  for (let p = start; p <= to; p++) {
    const code = p < to ? text.charCodeAt(p) : 10;
    if (code !== 10 && code !== 13 && code !== 0x2028 && code !== 0x2029 && code !== 12) continue;
    const end = trimWhitespaceBefore(text, start, p);
    if (end > start) {
      spans.starts.push(start);
      spans.ends.push(end);
    }
    start = skipWhitespace(text, p, to);
    p = Math.max(p, start - 1);
  }
  return spans;
}
