import { isQuoteLine, isTrailerHeader, notFoundSentinel } from "./parse-model-answer.js";

/** Characters after an unclosed `[` held back at most (an inline quote is about a sentence). */
const maxHeldBracket = 400;
const headerNames = [
  "quotes",
  "quote",
  "supporting quotes",
  "citations",
  "sources",
  "references",
  "evidence",
];

/**
 * Turns a model's streamed text into the answer deltas a client sees: the quotes block is never
 * shown, inline `[n: "quote"]` shrinks to `[n]`, and text that might still become either is held
 * back until it is clear. What it lets through is always a prefix of what it will let through
 * later. The final answer (the `done` event) is the verified one and may differ from the deltas:
 * markers whose citation did not verify are removed there.
 */
export class StreamAnswerFilter {
  private raw = "";
  private emitted = 0;

  /** Adds model text; returns the newly visible part (possibly empty). */
  push(delta: string): string {
    this.raw += delta;
    const visible = this.visible();
    const next = visible.slice(this.emitted);
    this.emitted = Math.max(this.emitted, visible.length);
    return next;
  }

  private visible(): string {
    const raw = this.raw.replace(/\r\n?/g, "\n");
    const trimmed = raw.trimStart();
    if (trimmed.startsWith(notFoundSentinel) || notFoundSentinel.startsWith(trimmed)) return "";
    let cut = raw.length;
    let lineStart = 0;
    for (;;) {
      const newline = raw.indexOf("\n", lineStart);
      const line = raw.slice(lineStart, newline < 0 ? raw.length : newline);
      const complete = newline >= 0;
      if (isTrailerHeader(line) || isQuoteLine(line) || (!complete && mightStartTrailer(line))) {
        cut = lineStart;
        break;
      }
      if (!complete) break;
      lineStart = newline + 1;
    }
    let shown = raw.slice(0, cut);
    // An open bracket may become a marker or an inline quote; a long-open one is just text.
    const open = shown.lastIndexOf("[");
    if (open >= 0 && shown.indexOf("]", open) < 0 && shown.length - open < maxHeldBracket) {
      shown = shown.slice(0, open);
    }
    // Trailing blank lines may be the gap before the quotes block.
    shown = shown.replace(/\s+$/, (space) => (space.includes("\n") ? "" : space));
    return shown.replace(/\[(\d+)\s*[:,]\s*["\u201C][^"\u201C\u201D\]]*["\u201D]\s*\]/g, "[$1]");
  }
}

/** An unfinished line that may still turn into a quotes header or a quote line. */
function mightStartTrailer(line: string): boolean {
  const bare = line
    .trim()
    .replace(/^[#*_\-\u2022>\s]+/, "")
    .replace(/[*_:\s]+$/, "")
    .toLowerCase();
  // Only bullets, hashes or emphasis so far: the line may still become a header.
  if (bare === "") return line.length > 0;
  if (headerNames.some((name) => name.startsWith(bare) || bare === name)) return true;
  return /^\[\d*\]?\s*[:\-\u2013\u2014]?\s*$/.test(bare);
}
