import { Parser } from "htmlparser2";
import type { SegmentedText } from "../text/segmented-text.js";
import { SegmentedTextBuilder } from "../text/segmented-text-builder.js";

/** Content that is not part of the running text: comments, deleted revisions, field declarations. */
const SKIPPED_ELEMENTS = new Set([
  "office:annotation",
  "text:tracked-changes",
  "text:note-citation",
  "text:sequence-decls",
  "text:variable-decls",
  "text:user-field-decls",
  "office:forms",
  "svg:title",
  "svg:desc",
]);

const MAX_HEADING_LEVEL = 10;

function headingLevel(attributes: Record<string, string>): number {
  const level = Number.parseInt(attributes["text:outline-level"] ?? "1", 10);
  return Number.isNaN(level) ? 1 : Math.min(Math.max(level, 1), MAX_HEADING_LEVEL);
}

/**
 * The text of an ODF `content.xml`, walked in document order (element order matters: a paragraph
 * mixes text with `text:s` spaces, tabs and line breaks). Headings (`text:h` with their outline
 * level) give the heading path; lists become "- " lines; table rows tab-separated lines.
 */
export function odtContentToText(xml: string): SegmentedText {
  const builder = new SegmentedTextBuilder();
  let bodyDepth = 0;
  let skipDepth = 0;
  let listDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "office:body") bodyDepth++;
        if (bodyDepth === 0) return;
        if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
          skipDepth++;
          return;
        }
        switch (name) {
          case "text:h":
            builder.beginHeading(headingLevel(attributes));
            break;
          case "text:p":
            builder.blockBreak(listDepth > 0 ? 1 : 2);
            break;
          case "text:list":
            builder.blockBreak(listDepth > 0 ? 1 : 2);
            listDepth++;
            break;
          case "text:list-item":
          case "text:list-header":
            builder.listItem("- ");
            break;
          case "text:s": {
            const count = Number.parseInt(attributes["text:c"] ?? "1", 10);
            builder.verbatim(" ".repeat(Number.isNaN(count) ? 1 : Math.min(Math.max(count, 1), 1_000)));
            break;
          }
          case "text:tab":
            builder.verbatim("\t");
            break;
          case "text:line-break":
            builder.lineBreak();
            break;
          case "table:table":
          case "text:section":
          case "draw:text-box":
            builder.blockBreak(2);
            break;
          case "table:table-row":
            builder.beginTableRow();
            break;
          case "table:table-cell":
          case "table:covered-table-cell":
            builder.beginTableCell();
            break;
        }
      },
      ontext(text) {
        if (bodyDepth > 0 && skipDepth === 0) builder.text(text);
      },
      onclosetag(name) {
        if (bodyDepth === 0) return;
        if (name === "office:body") {
          bodyDepth--;
          return;
        }
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        switch (name) {
          case "text:h":
            builder.endHeading();
            break;
          case "text:p":
            builder.blockBreak(listDepth > 0 ? 1 : 2);
            break;
          case "text:list":
            listDepth = Math.max(0, listDepth - 1);
            builder.blockBreak(listDepth > 0 ? 1 : 2);
            break;
          case "table:table":
          case "text:section":
          case "draw:text-box":
            builder.blockBreak(2);
            break;
          case "text:list-item":
          case "text:list-header":
            builder.endListItem();
            break;
          case "table:table-row":
            builder.endTableRow();
            break;
          case "table:table-cell":
          case "table:covered-table-cell":
            builder.endTableCell();
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return builder.finish();
}
