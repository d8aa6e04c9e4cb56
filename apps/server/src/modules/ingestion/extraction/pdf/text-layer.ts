/**
 * Turns a page's text-layer items into plain text. pdfjs gives items in content-stream order,
 * which for almost all generators is reading order; this only decides where lines break and
 * where words need a space, from the items' positions.
 */
import type { PDFPageProxy } from "pdfjs-dist";

type TextContentItem = Awaited<ReturnType<PDFPageProxy["getTextContent"]>>["items"][number];

/** The parts of a pdfjs TextItem this needs (marked-content items have no `str`). */
export interface PositionedText {
  readonly str: string;
  /** [a, b, c, d, x, y]: the text matrix; x/y is the baseline start in page units. */
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL: boolean;
}

export function isPositionedText(item: TextContentItem): item is TextContentItem & PositionedText {
  return "str" in item;
}

export function textFromItems(items: readonly PositionedText[]): string {
  // Parts in an array and the last characters tracked apart: reading the end of a string that
  // grows by appends would flatten it again on every item (quadratic on dense pages).
  const parts: string[] = [];
  let tail = "";
  const append = (text: string) => {
    parts.push(text);
    tail = (tail + text).slice(-2);
  };
  let last: { y: number; xEnd: number; size: number } | undefined;

  for (const item of items) {
    if (item.str !== "") {
      const x = item.transform[4] ?? 0;
      const y = item.transform[5] ?? 0;
      const size = fontSize(item);
      if (last !== undefined && parts.length > 0) {
        const rise = last.y - y;
        const lineSize = Math.max(size, last.size);
        if (Math.abs(rise) > lineSize * 0.5) {
          // A new line; a gap of about two lines or more is a new paragraph.
          if (!tail.endsWith("\n")) append("\n");
          if (rise > lineSize * 2 && tail !== "\n\n") append("\n");
        } else if (x - last.xEnd > size * 0.15 && !isSpace(tail.at(-1)) && !isSpace(item.str[0])) {
          // Same line with a visible gap: words drawn as separate items.
          append(" ");
        }
      }
      append(item.str);
      last = { y, xEnd: x + item.width, size };
    }
    if (item.hasEOL && parts.length > 0 && !tail.endsWith("\n")) append("\n");
  }
  return parts.join("").replace(/[ \t]{2,}/g, " ");
}

/** Looks at one character only: a regex like /\s$/ would rescan the growing page text. */
function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

function fontSize(item: PositionedText): number {
  if (item.height > 0) return item.height;
  const c = item.transform[2] ?? 0;
  const d = item.transform[3] ?? 0;
  return Math.hypot(c, d) || 10;
}

/** Characters that are not whitespace: tells a real text layer from stray page numbers or spaces. */
export function countNonSpace(text: string): number {
  return text.replace(/\s+/g, "").length;
}
