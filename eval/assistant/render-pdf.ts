import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from "pdf-lib";
import type { SourceBlock } from "./source-blocks.js";

const page = { width: 612, height: 792, margin: 64 } as const;
const bodySize = 11;
const lineGap = 4;
const fixedDate = new Date("2024-01-01T00:00:00Z");

interface Style {
  readonly font: PDFFont;
  readonly size: number;
  readonly indent: number;
  readonly spaceBefore: number;
}

/** Splits text into lines no wider than `width` at `size` (words are never broken). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Renders source blocks as a real text PDF (Helvetica, US Letter, several pages), deterministic
 * for the same input. The text must be WinAnsi-encodable (pdf-lib's standard fonts).
 */
export async function renderPdf(blocks: readonly SourceBlock[], title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setCreationDate(fixedDate);
  doc.setModificationDate(fixedDate);
  doc.setProducer("tributary eval");
  doc.setCreator("tributary eval");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let current: PDFPage = doc.addPage([page.width, page.height]);
  let y = page.height - page.margin;

  const draw = (text: string, style: Style) => {
    y -= style.spaceBefore;
    const width = page.width - 2 * page.margin - style.indent;
    for (const line of wrap(text, style.font, style.size, width)) {
      if (y - style.size < page.margin) {
        current = doc.addPage([page.width, page.height]);
        y = page.height - page.margin;
      }
      y -= style.size;
      current.drawText(line, { x: page.margin + style.indent, y, size: style.size, font: style.font });
      y -= lineGap;
    }
  };

  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        draw(block.text, { font: bold, size: block.level === 1 ? 15 : 12.5, indent: 0, spaceBefore: 12 });
        break;
      case "paragraph":
        draw(block.text, { font: regular, size: bodySize, indent: 0, spaceBefore: 6 });
        break;
      case "bullet":
        draw(`- ${block.text}`, { font: regular, size: bodySize, indent: 12, spaceBefore: 2 });
        break;
      default: {
        const unexpected: never = block;
        throw new Error(`unknown block ${JSON.stringify(unexpected)}`);
      }
    }
  }
  return doc.save({ useObjectStreams: false });
}
