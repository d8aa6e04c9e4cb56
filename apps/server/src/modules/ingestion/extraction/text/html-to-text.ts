import { Parser } from "htmlparser2";
import type { SegmentedText } from "./segmented-text.js";
import { SegmentedTextBuilder } from "./segmented-text-builder.js";

/** Elements whose content is never visible text. */
const SKIPPED_ELEMENTS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "iframe",
  "object",
]);

/** Blocks separated by a blank line. */
const PARAGRAPH_ELEMENTS = new Set([
  "p",
  "blockquote",
  "pre",
  "table",
  "ul",
  "ol",
  "dl",
  "hr",
  "figure",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "nav",
  "address",
  "details",
  "fieldset",
  "form",
]);

/** Blocks that start a new line. */
const LINE_ELEMENTS = new Set([
  "div",
  "li",
  "dt",
  "dd",
  "caption",
  "figcaption",
  "summary",
  "legend",
  "option",
]);

const HEADING = /^h([1-6])$/;

interface OpenList {
  readonly ordered: boolean;
  next: number;
}

/**
 * Turns HTML into flowing text: skips non-content elements, decodes entities, collapses
 * whitespace (except in `<pre>`), makes blocks into line breaks, table rows into tab-separated
 * lines and list items into "- " / "1. " lines, and records the h1–h6 heading path.
 */
export function htmlToSegmentedText(html: string): SegmentedText {
  const builder = new SegmentedTextBuilder();
  let skipDepth = 0;
  let preDepth = 0;
  const lists: OpenList[] = [];

  const parser = new Parser(
    {
      onopentag(name) {
        // htmlparser2 reports a close for every open (void and implied ones too), so depth counting is safe.
        if (skipDepth > 0 || SKIPPED_ELEMENTS.has(name)) {
          skipDepth++;
          return;
        }
        const heading = HEADING.exec(name);
        if (heading) builder.beginHeading(Number(heading[1]));
        else if (name === "br") builder.lineBreak();
        else if (name === "tr") builder.beginTableRow();
        else if (name === "td" || name === "th") builder.beginTableCell();
        else if (name === "ul" || name === "ol") {
          builder.blockBreak(lists.length > 0 ? 1 : 2);
          lists.push({ ordered: name === "ol", next: 1 });
        } else if (name === "li") {
          const list = lists.at(-1);
          builder.listItem(list?.ordered ? `${list.next++}. ` : "- ");
        } else if (PARAGRAPH_ELEMENTS.has(name)) builder.blockBreak(2);
        else if (LINE_ELEMENTS.has(name)) builder.blockBreak(1);
        if (name === "pre") preDepth++;
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (preDepth > 0) builder.verbatim(text);
        else builder.text(text);
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (HEADING.test(name)) builder.endHeading();
        else if (name === "tr") builder.endTableRow();
        else if (name === "td" || name === "th") builder.endTableCell();
        else if (name === "li") builder.endListItem();
        else if (name === "ul" || name === "ol") {
          lists.pop();
          builder.blockBreak(lists.length > 0 ? 1 : 2);
        } else if (PARAGRAPH_ELEMENTS.has(name)) builder.blockBreak(2);
        else if (LINE_ELEMENTS.has(name)) builder.blockBreak(1);
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return builder.finish();
}
