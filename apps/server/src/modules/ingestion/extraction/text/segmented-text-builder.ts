import type { TextSegment } from "../types.js";
import type { SegmentedText } from "./segmented-text.js";

interface OpenHeading {
  readonly level: number;
  readonly parts: string[];
}

/**
 * Builds flowing text from a stream of structural events (HTML, DOCX-as-HTML, ODT): collapses
 * inline whitespace, turns blocks into line breaks, table rows into tab-separated lines, and
 * keeps the heading path so every run of text gets a `headingPath` segment.
 *
 * Breaks, spaces and tabs are only *requested*; they are written just before the next visible
 * text, so the result never starts or ends with them and empty elements leave no trace.
 */
export class SegmentedTextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private lastChar = "";
  private trailingNewlines = 0;
  private pendingNewlines = 0;
  private pendingSpace = false;
  private pendingTabs = 0;
  /** A list marker ("- ", "3. ") waiting for the item's first text; breaks before that text are dropped. */
  private pendingMarker = "";
  private cellDepth = 0;
  private cellsInRow = 0;
  private readonly headings: { level: number; text: string }[] = [];
  private openHeading: OpenHeading | null = null;
  private path: readonly string[] = [];
  private segmentStart: number | null = null;
  private readonly segments: TextSegment[] = [];

  /** Inline text: runs of whitespace (newlines included) count as one space. */
  text(raw: string): void {
    if (raw === "") return;
    const collapsed = raw.replace(/\s+/g, " ");
    const core = collapsed.trim();
    if (collapsed.startsWith(" ")) this.pendingSpace = true;
    if (core === "") return;
    this.emit(core);
    if (collapsed.endsWith(" ")) this.pendingSpace = true;
  }

  /** Text kept exactly as given (preformatted blocks, explicit ODF spaces and tabs). */
  verbatim(raw: string): void {
    if (raw !== "") this.emit(raw.replace(/\r\n?/g, "\n"));
  }

  /** A block boundary: one newline (list items, rows) or two (paragraphs). Inside a table cell, a space. */
  blockBreak(newlines: 1 | 2): void {
    if (this.pendingMarker !== "") return;
    if (this.cellDepth > 0) this.pendingSpace = true;
    else this.pendingNewlines = Math.max(this.pendingNewlines, newlines);
  }

  /** An explicit line break (`<br>`): consecutive ones add up, to one blank line at most. */
  lineBreak(): void {
    if (this.pendingMarker !== "") return;
    if (this.cellDepth > 0) this.pendingSpace = true;
    else this.pendingNewlines = Math.min(2, this.pendingNewlines + 1);
  }

  /** Starts a list item on a new line; `marker` is written right before the item's first text. */
  listItem(marker: string): void {
    this.pendingMarker = "";
    this.blockBreak(1);
    this.pendingMarker = marker;
  }

  /** Ends a list item; an item that had no text leaves no marker behind. */
  endListItem(): void {
    this.pendingMarker = "";
    this.blockBreak(1);
  }

  beginHeading(level: number): void {
    this.closeSegment();
    this.blockBreak(2);
    this.openHeading = { level, parts: [] };
  }

  endHeading(): void {
    const heading = this.openHeading;
    if (!heading) return;
    this.openHeading = null;
    const text = heading.parts.join("").replace(/\s+/g, " ").trim();
    if (text !== "") {
      while ((this.headings.at(-1)?.level ?? 0) >= heading.level) this.headings.pop();
      this.headings.push({ level: heading.level, text });
      this.path = this.headings.map((entry) => entry.text);
    }
    this.blockBreak(2);
  }

  beginTableRow(): void {
    this.blockBreak(1);
    this.cellsInRow = 0;
    this.pendingTabs = 0;
  }

  endTableRow(): void {
    this.pendingTabs = 0;
    this.blockBreak(1);
  }

  beginTableCell(): void {
    // Cells are separated by tabs even when empty, so columns stay aligned; the tabs are only
    // written if something follows on the row.
    if (this.cellsInRow > 0 && this.cellDepth === 0) this.pendingTabs++;
    this.cellsInRow++;
    this.cellDepth++;
    this.pendingSpace = false;
  }

  endTableCell(): void {
    this.cellDepth = Math.max(0, this.cellDepth - 1);
    this.pendingSpace = false;
  }

  finish(): SegmentedText {
    this.closeSegment();
    const merged: TextSegment[] = [];
    for (const segment of this.segments) {
      const previous = merged.at(-1);
      if (previous && samePath(previous.headingPath, segment.headingPath)) {
        merged[merged.length - 1] = { ...previous, end: segment.end };
      } else {
        merged.push(segment);
      }
    }
    return { text: this.parts.join(""), segments: merged };
  }

  private emit(content: string): void {
    let prefix = "";
    if (this.length > 0 && this.pendingNewlines > this.trailingNewlines) {
      prefix = "\n".repeat(this.pendingNewlines - this.trailingNewlines);
    }
    prefix += "\t".repeat(this.pendingTabs) + this.pendingMarker;
    if (prefix === "" && this.pendingSpace && this.length > 0 && !/\s/.test(this.lastChar)) prefix = " ";
    this.pendingNewlines = 0;
    this.pendingTabs = 0;
    this.pendingSpace = false;
    this.pendingMarker = "";
    if (this.openHeading && this.openHeading.parts.length > 0 && prefix !== "")
      this.openHeading.parts.push(" ");
    this.append(prefix);
    if (this.segmentStart === null) this.segmentStart = this.length;
    this.append(content);
    this.openHeading?.parts.push(content);
  }

  private append(piece: string): void {
    if (piece === "") return;
    this.parts.push(piece);
    this.length += piece.length;
    this.lastChar = piece.charAt(piece.length - 1);
    const trailing = piece.length - piece.replace(/\n+$/, "").length;
    this.trailingNewlines = trailing === piece.length ? this.trailingNewlines + trailing : trailing;
  }

  private closeSegment(): void {
    if (this.segmentStart !== null && this.length > this.segmentStart) {
      this.segments.push({ start: this.segmentStart, end: this.length, headingPath: this.path });
    }
    this.segmentStart = null;
  }
}

function samePath(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((part, i) => part === b[i]);
}
