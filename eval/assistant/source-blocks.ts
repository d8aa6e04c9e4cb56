/** A block of a plain-text source that is rendered into a PDF or a DOCX. */
export type SourceBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "bullet"; readonly text: string };

/**
 * Parses the corpus's minimal source markup: `# ` and `## ` start headings, `- ` starts a bullet
 * (one line each), and other lines form paragraphs separated by blank lines. Paragraph text is
 * kept verbatim (lines joined by one space) so gold passages stay substrings of what is rendered.
 */
export function parseSourceBlocks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trimEnd();
    if (line.trim() === "") {
      flush();
    } else if (line.startsWith("## ")) {
      flush();
      blocks.push({ kind: "heading", level: 2, text: line.slice(3) });
    } else if (line.startsWith("# ")) {
      flush();
      blocks.push({ kind: "heading", level: 1, text: line.slice(2) });
    } else if (line.startsWith("- ")) {
      flush();
      blocks.push({ kind: "bullet", text: line.slice(2) });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
