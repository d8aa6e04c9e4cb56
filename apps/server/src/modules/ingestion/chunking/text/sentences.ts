import { endsWithNonTerminalAbbreviation } from "./abbreviations.js";
import { isWhitespace, skipWhitespace, trimWhitespaceBefore } from "./characters.js";
import { emptySpans, type MutableSpans, type Spans } from "./spans.js";

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * V8's sentence segmenter slows down quadratically on long strings (400 kB: ~0.8 s), so the text is
 * fed to it in windows: ~80 ms per MB at 8 K. Each window's last sentence may be cut by the window
 * edge, so it is re-read at the start of the next window.
 */
const WINDOW = 8192;
/** A window holding a single sentence is doubled up to this before the sentence is cut at a space. */
const MAX_WINDOW = 65_536;

/** Sentences of text[from, to), trimmed of surrounding whitespace, in order. */
export function splitSentences(text: string, from = 0, to = text.length): Spans {
  const raw = emptySpans();
  let pos = skipWhitespace(text, from, to);
  let window = WINDOW;
  while (pos < to) {
    const windowEnd = Math.min(to, pos + window);
    const starts = segmentStarts(text, pos, windowEnd);
    let next: number;
    if (windowEnd === to) {
      next = to;
    } else if (starts.length >= 2) {
      next = pos + (starts.pop() ?? 0);
    } else if (window < MAX_WINDOW) {
      window *= 2;
      continue;
    } else {
      // No sentence end in 64 K characters: not prose. Cut at a space; the packer splits it further.
      next = lastWhitespaceAfter(text, pos, windowEnd) ?? windowEnd;
    }
    for (let i = 0; i < starts.length; i++) {
      const segmentStart = pos + (starts[i] ?? 0);
      const segmentEnd = i + 1 < starts.length ? pos + (starts[i + 1] ?? 0) : next;
      pushTrimmed(text, raw, segmentStart, segmentEnd);
    }
    pos = skipWhitespace(text, next, to);
    window = WINDOW;
  }
  return mergeAbbreviationSplits(text, raw);
}

/** Offsets (relative to `from`) where ICU starts a sentence in text[from, to). */
function segmentStarts(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (const { index } of sentenceSegmenter.segment(softLineBreaksAsSpaces(text.slice(from, to)))) {
    starts.push(index);
  }
  return starts;
}

/**
 * ICU ends a sentence at every line break, which would make each line of hard-wrapped text (PDFs,
 * e-mails) a sentence. A single line break becomes a space of the same length (offsets stay valid);
 * blank lines still end sentences.
 */
function softLineBreaksAsSpaces(slice: string): string {
  return slice.replace(/\r\n|\r|\n(?![ \t]*(?:\r|\n))/g, (lineBreak, offset: number) => {
    if (lineBreak === "\n") return " ";
    // A CR or CRLF followed by another line break is a paragraph break: keep it.
    return /^[ \t]*[\r\n]/.test(slice.slice(offset + lineBreak.length, offset + lineBreak.length + 8))
      ? lineBreak
      : " ".repeat(lineBreak.length);
  });
}

function pushTrimmed(text: string, spans: MutableSpans, from: number, to: number): void {
  const start = skipWhitespace(text, from, to);
  const end = trimWhitespaceBefore(text, start, to);
  if (end > start) {
    spans.starts.push(start);
    spans.ends.push(end);
  }
}

function lastWhitespaceAfter(text: string, floor: number, pos: number): number | undefined {
  for (let p = pos - 1; p > floor; p--) if (isWhitespace(text.charCodeAt(p))) return p;
  return undefined;
}

/** Joins sentences ICU split after "Dr.", "e.g." or an initial, unless a blank line separates them. */
function mergeAbbreviationSplits(text: string, raw: Spans): Spans {
  const merged = emptySpans();
  const count = raw.starts.length;
  for (let i = 0; i < count; i++) {
    const start = raw.starts[i] ?? 0;
    let end = raw.ends[i] ?? 0;
    while (i + 1 < count && endsWithNonTerminalAbbreviation(text, start, end)) {
      const nextStart = raw.starts[i + 1] ?? 0;
      if (lineBreaksBetween(text, end, nextStart) >= 2) break;
      i++;
      end = raw.ends[i] ?? 0;
    }
    merged.starts.push(start);
    merged.ends.push(end);
  }
  return merged;
}

function lineBreaksBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let p = from; p < to; p++) if (text.charCodeAt(p) === 10) count++;
  return count;
}
