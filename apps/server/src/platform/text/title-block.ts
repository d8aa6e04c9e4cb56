/** Longer than this, a text's first paragraph is its text, not its title block. */
export const maxTitleBlockChars = 300;

/**
 * Where a document's title block ends in its text (0 when it has none): the first paragraph, when
 * short. "# Kestrel HT-40 Air-to-Water Heat Pump", or "ALDER STREET COMMUNITY GARDEN / Gardener
 * Handbook and Rules, 2024 Season" on two lines: it names the document and says nothing else.
 * `text` is the document's extracted text, or its first chunk (which starts where the text does).
 */
export function titleBlockEnd(text: string): number {
  const end = text.search(/\n[ \t]*\n/);
  return end > 0 && end <= maxTitleBlockChars ? end : 0;
}

/** A sentence ends in the line: a stop, then a space or the line's end. */
const sentenceEnd = /[.!?](?:\s|$)/;

/**
 * The document's title: the lines of its title block before the first that holds a sentence, as
 * one line, without Markdown heading marks; null when there are none. "Meridian County Public
 * Library: Annual Report, Fiscal Year 2023" is the title of a report whose first paragraph goes
 * on "Covering July 1, 2022 to June 30, 2023. Presented to the Board of Library Trustees…", which
 * is text about it.
 */
export function titleOf(text: string): string | null {
  const end = titleBlockEnd(text);
  const lines: string[] = [];
  for (const line of text.slice(0, end).split("\n")) {
    const bare = line.replace(/^[ \t]*#{1,6}(?:[ \t]+|$)/, "").trim();
    if (sentenceEnd.test(bare)) break;
    if (bare.length > 0) lines.push(bare);
  }
  const title = lines.join(" ").replace(/\s+/g, " ");
  return title.length > 0 ? title : null;
}
