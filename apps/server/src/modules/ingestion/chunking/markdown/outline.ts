/** The parts of a Markdown document's structure the chunker respects: headings and fenced code. */
export interface MarkdownOutline {
  readonly headings: readonly MarkdownHeading[];
  /** Fenced code blocks, [start, end) from the opening fence line to the end of the closing one. */
  readonly fences: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

export interface MarkdownHeading {
  /** Start of the heading's first line. */
  readonly start: number;
  /** End of its last line (the underline of a setext heading), line break excluded. */
  readonly end: number;
  readonly level: number;
  readonly title: string;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * A line scanner for CommonMark's block structure as far as chunking needs it: ATX (`# Title`) and
 * setext (`Title\n====`) headings, fenced code (inside which nothing is a heading) and YAML front
 * matter (whose closing `---` is not a setext underline). Linear in the text.
 */
export function parseMarkdownOutline(text: string): MarkdownOutline {
  const headings: MarkdownHeading[] = [];
  const fences: Array<{ start: number; end: number }> = [];
  let fence: { start: number; marker: string } | undefined;
  let paragraphStart: number | undefined;
  let inFrontMatter = false;

  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const nextLineStart = lineEnd + 1;

    if (lineStart === 0 && FRONT_MATTER_FENCE.test(line)) {
      inFrontMatter = true;
    } else if (inFrontMatter) {
      if (FRONT_MATTER_END.test(line)) inFrontMatter = false;
    } else if (fence !== undefined) {
      if (closesFence(line, fence.marker)) {
        fences.push({ start: fence.start, end: contentEnd });
        fence = undefined;
      }
    } else {
      const opening = FENCE_OPEN.exec(line);
      const atx = ATX_HEADING.exec(line);
      const underline = SETEXT_UNDERLINE.exec(line);
      if (opening !== null && !(opening[1]?.startsWith("`") && opening[2]?.includes("`"))) {
        fence = { start: lineStart, marker: opening[1] ?? "```" };
        paragraphStart = undefined;
      } else if (atx !== null) {
        headings.push({
          start: lineStart,
          end: contentEnd,
          level: atx[1]?.length ?? 1,
          title: (atx[2] ?? "").trim(),
        });
        paragraphStart = undefined;
      } else if (underline !== null && paragraphStart !== undefined) {
        const title = text.slice(paragraphStart, lineStart).replace(/\s+/g, " ").trim();
        const level = underline[1]?.startsWith("=") ? 1 : 2;
        headings.push({ start: paragraphStart, end: contentEnd, level, title });
        paragraphStart = undefined;
      } else if (BLANK.test(line) || THEMATIC_BREAK.test(line)) {
        paragraphStart = undefined;
      } else {
        paragraphStart ??= lineStart;
      }
    }
    if (newline === -1) break;
    lineStart = nextLineStart;
  }
  // An unclosed fence runs to the end of the document (CommonMark).
  if (fence !== undefined) fences.push({ start: fence.start, end: text.length });
  return { headings, fences };
}

function closesFence(line: string, marker: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, "").trimEnd();
  const char = marker.charAt(0);
  return trimmed.length >= marker.length && [...trimmed].every((c) => c === char);
}
