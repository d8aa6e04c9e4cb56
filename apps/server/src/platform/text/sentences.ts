/** A sentence of a text, trimmed, with its offsets in that text. */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const terminators = ".!?";
const closers = `"'\u201D\u2019)]`;
const trailingMarker = /^[ \t]*\[\d+\]/;
/**
 * A line that starts a block of its own: a list item or a heading. (A table's rows stay together:
 * a row means little without its header.)
 */
const blockLine = /^\n[ \t]*(?:[-*+\u2022][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t])/;
const heading = /^[ \t]*#{1,6}[ \t]/;

/**
 * Splits at line breaks and at `.`, `!` or `?` followed by whitespace. Citation markers right
 * after a sentence's end (`… in 1887. [2]`) belong to that sentence, not to the next one. A full
 * stop not followed by whitespace (3.5, e.g.x) does not end a sentence, nor do dot leaders and
 * ellipses (`Half plot ...... $30`). With `paragraphs`, a line break only ends a sentence before a
 * blank line or a line that starts a block of its own (a list item, a heading):
 * document text wraps its lines inside sentences.
 */
export function splitSentences(text: string, options: { readonly paragraphs?: boolean } = {}): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0)
      sentences.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (char === "\n" && (!options.paragraphs || endsParagraphLine(text, i))) {
      push(start, i);
      start = i + 1;
      i += 1;
      continue;
    }
    if (!terminators.includes(char)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < text.length && terminators.includes(text[end] as string)) end += 1;
    if (text.slice(i, end).startsWith("...") || (char === "." && isListNumber(text, i))) {
      i = end;
      continue;
    }
    while (end < text.length && closers.includes(text[end] as string)) end += 1;
    for (;;) {
      const marker = trailingMarker.exec(text.slice(end, end + 12));
      if (!marker) break;
      end += marker[0].length;
    }
    if (end < text.length && !/\s/.test(text[end] as string)) {
      i = end;
      continue;
    }
    push(start, end);
    start = end;
    i = end;
  }
  push(start, text.length);
  return sentences;
}

/** Whether the line break at `at` ends a sentence of document text. */
function endsParagraphLine(text: string, at: number): boolean {
  const next = text.slice(at, at + 40);
  if (/^\n[ \t]*\n/.test(next) || blockLine.test(next)) return true;
  // A heading is one line.
  return heading.test(text.slice(text.lastIndexOf("\n", at - 1) + 1, at));
}

/** Whether the full stop at `at` numbers a list item ("2. Water at dusk"). */
function isListNumber(text: string, at: number): boolean {
  return /^[ \t]*\d{1,3}$/.test(text.slice(text.lastIndexOf("\n", at - 1) + 1, at));
}
