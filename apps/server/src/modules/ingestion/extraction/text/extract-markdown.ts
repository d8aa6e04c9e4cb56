import { lexer, type Token, type Tokens } from "marked";
import type { Extractor, TextSegment } from "../types.js";
import { readTextFile } from "./read-text-file.js";
import { assertHasText, assertLinesWithin, type SegmentedText, truncationWarning } from "./segmented-text.js";

/** Plain words of inline tokens (emphasis, links and code spans reduced to their text). */
function inlineText(tokens: readonly Token[]): string {
  let text = "";
  for (const token of tokens) {
    if ("tokens" in token && Array.isArray(token.tokens)) text += inlineText(token.tokens);
    else if (token.type === "br") text += " ";
    else if (token.type === "html" || token.type === "tag") continue;
    else if ("text" in token && typeof token.text === "string") text += token.text;
  }
  return text;
}

/**
 * Sections of a Markdown source: each top-level heading (ATX or setext) starts a segment that
 * runs to the next heading, carrying the path of enclosing headings. Headings inside code
 * fences, lists or quotes are not top-level tokens, so they never count. Offsets point into
 * `source` itself: the text is the Markdown, unchanged, so chunking can split it by heading.
 */
export function markdownSections(source: string): SegmentedText {
  const segments: TextSegment[] = [];
  const stack: { depth: number; text: string }[] = [];
  let path: readonly string[] = [];
  let sectionStart = 0;
  let cursor = 0;
  const close = (end: number): void => {
    const body = source.slice(sectionStart, end);
    const start = sectionStart + (body.length - body.trimStart().length);
    const trimmedEnd = sectionStart + body.trimEnd().length;
    if (trimmedEnd > start) segments.push({ start, end: trimmedEnd, headingPath: path });
  };
  for (const token of lexer(source)) {
    // Each top-level token's `raw` is its exact source; find it from the cursor to get its offset.
    const at = source.indexOf(token.raw, cursor);
    if (at < 0) continue;
    cursor = at + token.raw.length;
    if (token.type !== "heading") continue;
    const heading = token as Tokens.Heading;
    const text = inlineText(heading.tokens).replace(/\s+/g, " ").trim();
    if (text === "") continue;
    close(at);
    sectionStart = at;
    while ((stack.at(-1)?.depth ?? 0) >= heading.depth) stack.pop();
    stack.push({ depth: heading.depth, text });
    path = stack.map((entry) => entry.text);
  }
  close(source.length);
  return { text: source, segments };
}

/** Markdown: the source text kept as-is (BOM dropped, line ends normalised), sectioned by heading. */
export const extractMarkdown: Extractor = async (path, limits) => {
  const file = await readTextFile(path, limits.maxTextChars);
  assertHasText(file.text);
  assertLinesWithin(file.text, limits.maxLineChars);
  const { text, segments } = markdownSections(file.text);
  return {
    format: "markdown",
    text,
    segments,
    pageCount: 1,
    ocrPages: [],
    warnings: file.truncated ? [truncationWarning(limits.maxTextChars)] : [],
  };
};
