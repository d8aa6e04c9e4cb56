/**
 * Joins per-page texts into one extraction text with one segment per page, pages separated by
 * a blank line, and cuts it at the text limit. Shared by the PDF and image (TIFF) extractors.
 */
import type { TextSegment } from "../types.js";

export const pageSeparator = "\n\n";

export interface PageText {
  /** 1-based; omitted for single images that have no pages. */
  readonly page?: number;
  readonly text: string;
  readonly ocr: boolean;
}

export interface PagedText {
  readonly text: string;
  readonly segments: readonly TextSegment[];
  readonly ocrPages: readonly number[];
  /** True when the text limit cut the text short. */
  readonly truncated: boolean;
}

/**
 * Control characters out (pdfjs emits NUL for glyphs it cannot map), trailing spaces off every
 * line, runs of blank lines down to one, no blank edges.
 */
export function tidyPageText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\p{Cc}/gu, (char) => (char === "\n" || char === "\t" ? char : ""))
    .replace(/[ \t\f\v\u00a0]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export class PagedTextBuilder {
  private readonly parts: string[] = [];
  private readonly segments: TextSegment[] = [];
  private readonly ocrPages: number[] = [];
  private length = 0;
  private truncated = false;

  constructor(private readonly maxChars: number) {}

  /** False once the limit is reached: later pages would be dropped, so callers can stop reading. */
  get accepting(): boolean {
    return !this.truncated && this.length < this.maxChars;
  }

  /** Adds a page's text (tidied); a page with no text adds nothing. */
  add(page: PageText): void {
    const tidy = tidyPageText(page.text);
    if (tidy === "" || !this.accepting) return;
    const separator = this.parts.length > 0 ? pageSeparator : "";
    const room = this.maxChars - this.length - separator.length;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    let text = tidy;
    if (text.length > room) {
      text = cutAt(text, room);
      this.truncated = true;
      if (text === "") return;
    }
    this.parts.push(separator, text);
    const start = this.length + separator.length;
    this.length = start + text.length;
    this.segments.push({
      start,
      end: this.length,
      ...(page.page === undefined ? {} : { page: page.page }),
      ...(page.ocr ? { ocr: true } : {}),
    });
    // A single image has no page number but is still page 1 of its file.
    if (page.ocr) this.ocrPages.push(page.page ?? 1);
  }

  result(): PagedText {
    return {
      text: this.parts.join(""),
      segments: this.segments,
      ocrPages: this.ocrPages,
      truncated: this.truncated,
    };
  }
}

/** The first `length` characters, not splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? length - 1 : length;
  return text.slice(0, end).trimEnd();
}
