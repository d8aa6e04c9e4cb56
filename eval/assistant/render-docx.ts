import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import type { SourceBlock } from "./source-blocks.js";

function toParagraph(block: SourceBlock): Paragraph {
  switch (block.kind) {
    case "heading":
      return new Paragraph({
        text: block.text,
        heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      });
    case "paragraph":
      return new Paragraph({ text: block.text });
    case "bullet":
      return new Paragraph({ text: block.text, bullet: { level: 0 } });
    default: {
      const unexpected: never = block;
      throw new Error(`unknown block ${JSON.stringify(unexpected)}`);
    }
  }
}

/** Renders source blocks as a Word document with real heading styles and bullet lists. */
export async function renderDocx(blocks: readonly SourceBlock[], title: string): Promise<Uint8Array> {
  const document = new Document({
    creator: "Tributary eval",
    title,
    sections: [{ children: blocks.map(toParagraph) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
